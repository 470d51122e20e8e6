"""A commit the dataplane cannot apply is refused with a precise rpc-error, changes nothing in running and keeps
the operator's edits in the candidate. Usage: commit_refused.py SERVER_CONTENT_XML ERROR_TAG NODE

NODE is the name of the node of /twamp/server the error-path must select (a leaf, or a list whose entry)."""

import sys

import twampit
from twampit import check, expect_error


def main():
    if len(sys.argv) != 4:
        twampit.fail("usage: commit_refused.py SERVER_CONTENT_XML ERROR_TAG NODE")
    content, tag, node = sys.argv[1:]
    client = twampit.Client()
    client.session.discard_changes()
    running = twampit.canonical(client.get_config("running"))
    client.edit(content, default_operation="replace")
    client.session.validate(source="candidate")
    twampit.ok("the candidate is valid for the model: only the dataplane can refuse it")
    candidate = client.get_config("candidate")
    errors = expect_error("commit", lambda: client.session.commit(), tag)
    twampit.check_error_path("commit", errors, candidate, node)
    check(twampit.canonical(client.get_config("running")) == running, "running is as it was")
    check(twampit.canonical(client.get_config("candidate")) == twampit.canonical(candidate),
          "the candidate keeps the edits")
    client.session.discard_changes()
    client.close()


if __name__ == "__main__":
    twampit.run(main)
