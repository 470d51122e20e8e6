package net.twampagent.netconf.app;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import net.twampagent.netconf.auth.UserStore;
import net.twampagent.netconf.function.TwampFunction;
import net.twampagent.netconf.model.AgentModel;
import net.twampagent.netconf.persistence.CorruptStateException;
import net.twampagent.netconf.server.NetconfAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the agent from the command line and runs it until SIGTERM or SIGINT. */
public final class AgentLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(AgentLauncher.class);

    private AgentLauncher() {
    }

    /** Parses the command line, starts the agent and returns only to exit. */
    public static void launch(final String[] args) {
        final AgentOptions options;
        try {
            options = AgentOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("twamp-agent: " + e.getMessage());
            System.err.print(AgentOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(AgentOptions.USAGE);
            return;
        }
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
            .setLevel(Level.toLevel(options.logLevel()));
        System.exit(options.setPasswordUser() != null ? setPassword(options) : run(options));
    }

    private static int run(final AgentOptions options) {
        final var settings = options.settings();
        final NetconfAgent agent;
        final var model = AgentModel.twampServer();
        final var function = TwampFunction.create(model);
        try {
            Files.createDirectories(settings.stateDir());
            final var users = UserStore.open(settings.stateDir());
            setUpAdmin(users, options);
            if (TwampFunction.writeFactoryDefaultIfFresh(settings.stateDir())) {
                LOG.info("First start: the running configuration is the factory default, the TWAMP server with "
                    + "every default (port 862, mode none)");
            }
            // Loading running starts the TWAMP server, so it answers before NETCONF accepts anyone.
            agent = NetconfAgent.start(model, settings, users, List.of(function.participant()), function.state(),
                function.connections());
            function.attach(agent);
        } catch (CorruptStateException e) {
            function.close();
            System.err.println("twamp-agent: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException e) {
            function.close();
            System.err.println("twamp-agent: cannot start: " + e.getMessage());
            return 1;
        }
        final var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the TWAMP server and the NETCONF agent");
            function.close();
            agent.close();
            stopped.countDown();
            LOG.info("Stopped");
            // A stop asked for and done is a success: exit 0, not the JVM's 128 + signal, so that an init system
            // does not report the service as failed.
            Runtime.getRuntime().halt(0);
        }, "agent-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static int setPassword(final AgentOptions options) {
        try {
            final var users = UserStore.open(options.settings().stateDir());
            users.setPassword(options.setPasswordUser(), firstLine(options.passwordFile()).toCharArray());
            System.out.println("The password of '" + options.setPasswordUser() + "' is set in "
                + options.settings().stateDir().resolve("users") + "; a running agent uses it from the next login.");
            if (options.group() != null) {
                users.groups().add(options.setPasswordUser(), options.group());
                System.out.println("'" + options.setPasswordUser() + "' is a member of group '" + options.group()
                    + "' (" + options.settings().stateDir().resolve("groups") + ").");
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("twamp-agent: " + e.getMessage());
            return 1;
        }
    }

    private static String firstLine(final java.nio.file.Path file) throws IOException {
        final var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw new IllegalArgumentException(file + " holds no password");
        }
        return lines.getFirst().strip();
    }

    private static void setUpAdmin(final UserStore users, final AgentOptions options) throws IOException {
        if (options.adminPasswordFile() != null) {
            users.setPassword("admin", firstLine(options.adminPasswordFile()).toCharArray());
            LOG.info("The password of user 'admin' was set from {}", options.adminPasswordFile());
            return;
        }
        final var created = users.ensureAdmin();
        if (created.isPresent()) {
            System.out.println("Created NETCONF user 'admin' with password: " + created.orElseThrow());
            System.out.println("It is shown only this once; only a salted hash is kept in "
                + options.settings().stateDir().resolve("users") + ".");
            System.out.flush();
        }
    }
}
