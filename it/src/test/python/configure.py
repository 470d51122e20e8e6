"""Configure /twamp/server in the candidate, validate, commit, and read it back with <get-config>, in the three
with-defaults modes the agent announces: explicit (what was set), report-all (plus every default) and trim
(without values equal to their default)."""

import twampit
from twampit import check, check_equal, value, values

# Every default of the model, as report-all must show them for a server that sets none of these.
DEFAULTS = {
    "authentication-mode": "none",
    "count": "10",
    "max-connection-duration": "24",
    "maximum-sessions": "64",
    "maximum-sessions-per-connection": "64",
    "server-inactivity-timeout": "15",
}


def main():
    client = twampit.Client()
    twampit.reset(client.session)
    port = twampit.twamp_port()
    before = client.get_config("running")
    check_equal(values(before, "t:twamp/t:server/t:port"), [str(port)], "running starts as the baseline")

    # maximum-connections 10 is below the default maximum-connections-per-client (64), which a must rule
    # forbids: the edit sets both, as an operator must.
    client.edit(("<port>%d</port><maximum-connections>10</maximum-connections>"
                 "<maximum-connections-per-client>10</maximum-connections-per-client>"
                 "<client-list><name>lab</name><address><prefix>127.0.0.0/8</prefix></address>"
                 "<address><prefix>2001:db8::/32</prefix></address></client-list>"
                 "<reflector-inactivity-timeout>120</reflector-inactivity-timeout>") % port)
    candidate = client.get_config("candidate")
    check_equal(value(candidate, "t:twamp/t:server/t:maximum-connections"), "10",
                "the candidate holds the edit")
    running = client.get_config("running")
    check(not values(running, "t:twamp/t:server/t:maximum-connections"), "running is untouched before commit",
          twampit.pretty(running))

    client.session.validate(source="candidate")
    twampit.ok("the candidate validates")
    client.session.commit()
    running = client.get_config("running")
    server = "t:twamp/t:server/"
    check_equal(value(running, server + "t:maximum-connections"), "10", "commit put maximum-connections in running")
    check_equal(value(running, server + "t:maximum-connections-per-client"), "10",
                "commit put maximum-connections-per-client in running")
    check_equal(value(running, server + "t:reflector-inactivity-timeout"), "120",
                "commit put reflector-inactivity-timeout in running")
    # The list is ordered-by system: the server may return its entries in any order.
    check_equal(sorted(values(running, server + "t:client-list[t:name='lab']/t:address/t:prefix")),
                ["127.0.0.0/8", "2001:db8::/32"], "commit put the client-list in running")
    check(twampit.canonical(running) == twampit.canonical(client.get_config("candidate")),
          "after commit candidate and running are the same")
    for leaf in DEFAULTS:
        check(not values(running, server + "t:" + leaf), "explicit mode leaves out unset " + leaf)

    report_all = client.get_config("running", with_defaults="report-all")
    for leaf, default in DEFAULTS.items():
        check_equal(values(report_all, server + "t:" + leaf), [default], "report-all shows %s = %s"
                    % (leaf, default))
    check_equal(value(report_all, server + "t:maximum-connections"), "10", "report-all keeps the set values")

    # Now set a value equal to its default: explicit shows it (it was set), trim does not.
    client.edit("<maximum-sessions>64</maximum-sessions>")
    client.session.commit()
    explicit = client.get_config("running", with_defaults="explicit")
    check_equal(values(explicit, server + "t:maximum-sessions"), ["64"],
                "explicit shows maximum-sessions set to its default")
    trim = client.get_config("running", with_defaults="trim")
    check(not values(trim, server + "t:maximum-sessions"), "trim leaves out maximum-sessions = default",
          twampit.pretty(trim))
    check_equal(value(trim, server + "t:maximum-connections"), "10", "trim keeps values other than the default")

    # <get> returns configuration and state together; yanglint checks both halves against the model.
    everything = client.get()
    check_equal(value(everything, server + "t:maximum-connections"), "10", "<get> shows the configuration too")

    twampit.reset(client.session)
    client.close()


if __name__ == "__main__":
    twampit.run(main)
