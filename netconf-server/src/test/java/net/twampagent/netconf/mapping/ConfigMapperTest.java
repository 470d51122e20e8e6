package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.MappingFixtures.SERVED;
import static net.twampagent.netconf.mapping.MappingFixtures.WITH_LIGHT;
import static net.twampagent.netconf.mapping.MappingFixtures.root;
import static net.twampagent.netconf.mapping.MappingFixtures.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import net.twampagent.dataplane.config.AuthMode;
import net.twampagent.dataplane.config.ClientPrefix;
import net.twampagent.dataplane.config.RoutingInstance;
import net.twampagent.dataplane.config.ServerConfig;
import net.twampagent.dataplane.config.SharedSecret;
import net.twampagent.yang.TwampServerModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigMapperTest {
    private static final ConfigMapper MAPPER = new ConfigMapper(SERVED);
    private static final ConfigMapper LIGHT_MAPPER = new ConfigMapper(WITH_LIGHT);

    /** Every value of a server with no leaf set, written out rather than taken from ServerConfig's builder. */
    private static final ServerConfig ALL_DEFAULTS = new ServerConfig(true, Set.of(AuthMode.NONE), Map.of(),
        List.of(), Duration.ofHours(24), 64, 64, 64, 64, 862, null, List.of(), Duration.ofMinutes(15),
        Duration.ofSeconds(900), OptionalInt.empty(), 1024);

    /** What each file of docs/examples must map to; a new example without an entry here fails the test. */
    private static final Map<String, ServerConfig> EXAMPLES = Map.of(
        "minimal.xml", ALL_DEFAULTS,
        "authenticated.xml", new ServerConfig(true, Set.of(AuthMode.AUTHENTICATED, AuthMode.ENCRYPTED),
            Map.of("ops-probe", SharedSecret.ofPassphrase("change-me-to-a-long-random-pass-phrase")),
            List.of(ClientPrefix.of(address("10.20.0.0"), 16)), Duration.ofHours(24), 64, 64, 64, 64, 862, null,
            List.of(), Duration.ofMinutes(15), Duration.ofSeconds(900), OptionalInt.empty(), 1024),
        "junos-full.xml", new ServerConfig(true, EnumSet.allOf(AuthMode.class),
            Map.of("lab-probe", SharedSecret.ofPassphrase("correct horse battery staple"),
                "core-probe", SharedSecret.ofPassphrase("Tr0ub4dor&3-core")),
            List.of(ClientPrefix.of(address("192.0.2.0"), 24),
                new ClientPrefix(address("198.51.100.0"), 24, Set.of("cust-a")),
                ClientPrefix.of(address("2001:db8:100::"), 48)),
            Duration.ofHours(12), 200, 20, 1000, 100, 862, null,
            List.of(new RoutingInstance("cust-a", 10862), new RoutingInstance("default", 862)),
            Duration.ofMinutes(5), Duration.ofSeconds(300), OptionalInt.empty(), 4096),
        "light.xml", ALL_DEFAULTS.toBuilder().lightPort(OptionalInt.of(862)).build());

    static List<Path> examples() {
        return MappingFixtures.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleMapsToExactlyWhatItSays(final Path example) throws Exception {
        final var expected = EXAMPLES.get(example.getFileName().toString());
        assertNotNull(expected, example + " has no expected ServerConfig in this test: add one");
        final var mapper = example.getFileName().toString().contains("light") ? LIGHT_MAPPER : MAPPER;
        final var model = mapper == LIGHT_MAPPER ? WITH_LIGHT : SERVED;
        assertEquals(expected, mapper.map(root(model, Files.readString(example))), example.toString());
    }

    @Test
    void theExpectationsCoverEveryExampleAndNothingElse() {
        assertEquals(EXAMPLES.keySet(), Set.copyOf(examples().stream().map(p -> p.getFileName().toString())
            .toList()));
    }

    @Test
    void noServerContainerIsADisabledServer() throws Exception {
        assertEquals(ServerConfig.disabled(), MAPPER.map(MappingFixtures.emptyRoot()));
        final var config = MAPPER.map(root(SERVED, "<twamp xmlns=\"" + TwampServerModel.NAMESPACE + "\"/>"));
        assertEquals(ServerConfig.disabled(), config);
        assertEquals(0, config.modesMask());
    }

    @Test
    void hoursMinutesAndSecondsBecomeDurations() throws Exception {
        final var config = MAPPER.map(root(SERVED, server("<max-connection-duration>120</max-connection-duration>"
            + "<server-inactivity-timeout>30</server-inactivity-timeout>"
            + "<reflector-inactivity-timeout>604800</reflector-inactivity-timeout>")));
        assertEquals(Duration.ofHours(120), config.maxConnectionDuration());
        assertEquals(Duration.ofMinutes(30), config.serverInactivityTimeout());
        assertEquals(Duration.ofDays(7), config.reflectorInactivityTimeout());
    }

    @Test
    void zeroDurationAndZeroInactivityMeanUnlimited() throws Exception {
        final var config = MAPPER.map(root(SERVED, server("<max-connection-duration>0</max-connection-duration>"
            + "<server-inactivity-timeout>0</server-inactivity-timeout>"
            + "<reflector-inactivity-timeout>1</reflector-inactivity-timeout>")));
        assertEquals(Duration.ZERO, config.maxConnectionDuration());
        assertEquals(Duration.ZERO, config.serverInactivityTimeout());
        assertEquals(Duration.ofSeconds(1), config.reflectorInactivityTimeout());
    }

    @Test
    void countIsThePowerOfTwoOfThePbkdf2Iterations() throws Exception {
        assertEquals(1024, MAPPER.map(root(SERVED, server("<count>10</count>"))).kdfCount());
        assertEquals(2048, MAPPER.map(root(SERVED, server("<count>11</count>"))).kdfCount());
        assertEquals(32768, MAPPER.map(root(SERVED, server("<count>15</count>"))).kdfCount());
    }

    @Test
    void limitsAndPortsAtTheirRangeEdges() throws Exception {
        final var config = MAPPER.map(root(SERVED, server("<maximum-connections>1000</maximum-connections>"
            + "<maximum-connections-per-client>500</maximum-connections-per-client>"
            + "<maximum-sessions>2048</maximum-sessions>"
            + "<maximum-sessions-per-connection>1024</maximum-sessions-per-connection>"
            + "<port>65535</port>"
            + "<routing-instance-list><name>r1</name></routing-instance-list>")));
        assertEquals(1000, config.maximumConnections());
        assertEquals(500, config.maximumConnectionsPerClient());
        assertEquals(2048, config.maximumSessions());
        assertEquals(1024, config.maximumSessionsPerConnection());
        assertEquals(65535, config.port());
        assertEquals(List.of(new RoutingInstance("r1", 862)), config.routingInstances(),
            "a routing instance without a port listens on the model's default port");
    }

    @Test
    void defaultsComeFromTheModelNotFromACopy() throws Exception {
        final var edited = MappingFixtures.model(text -> text
            .replace("default \"862\";\n        description\n          \"The TCP port of TWAMP-Control in the default",
                "default \"4862\";\n        description\n          \"The TCP port of TWAMP-Control in the default")
            .replace("default \"15\";", "default \"7\";")
            .replace("default \"none\";", "default \"encrypted\";"), false);
        final var config = new ConfigMapper(edited).map(root(edited, server("")));
        assertEquals(4862, config.port());
        assertEquals(Duration.ofMinutes(7), config.serverInactivityTimeout());
        assertEquals(Set.of(AuthMode.ENCRYPTED), config.modes());
        assertEquals(Duration.ofHours(24), config.maxConnectionDuration(), "untouched defaults stay");
    }

    @Test
    void keyChainsAreFlattenedByKeyId() throws Exception {
        final var config = MAPPER.map(root(SERVED, server("<authentication-mode>encrypted</authentication-mode>"
            + chain("a", key("k1", "one") + key("k2", "two")) + chain("b", key("k3", "thr\u00e9\u00e9")))));
        assertEquals(Map.of("k1", SharedSecret.ofPassphrase("one"), "k2", SharedSecret.ofPassphrase("two"),
            "k3", SharedSecret.ofPassphrase("thr\u00e9\u00e9")), config.keys());
        assertEquals(7, config.keys().get("k3").bytes().length, "the pass-phrase is used as UTF-8 octets");
        assertEquals(Set.of(AuthMode.ENCRYPTED), config.modes());
    }

    @Test
    void aKeyIdInTwoChainsIsRefusedNamingBoth() {
        final var failure = assertThrows(ConfigMappingException.class, () -> MAPPER.map(root(SERVED,
            server(chain("beta", key("probe", "s2")) + chain("alpha", key("probe", "s1") + key("other", "s3"))))));
        assertEquals("operation-failed", failure.errorTag());
        assertEquals("duplicate-key-id", failure.errorAppTag());
        assertEquals("/tws:twamp/tws:server/tws:authentication-key-chain[tws:name='beta']"
            + "/tws:key-id[tws:id='probe']", failure.errorPath().xpath());
        assertEquals(Map.of("tws", TwampServerModel.NAMESPACE), failure.errorPath().prefixes());
        assertTrue(failure.getMessage().contains("'probe'") && failure.getMessage().contains("'alpha'")
            && failure.getMessage().contains("'beta'"), failure.getMessage());
    }

    @Test
    void aKeyIdLongerThanEightyOctetsIsRefused() {
        final var eightyTwoOctets = "\u00e9".repeat(41);
        final var failure = assertThrows(ConfigMappingException.class,
            () -> MAPPER.map(root(SERVED, server(chain("c", key(eightyTwoOctets, "s"))))));
        assertEquals("invalid-value", failure.errorTag());
        assertEquals("key-id-too-long", failure.errorAppTag());
        assertTrue(failure.getMessage().contains("82 octets"), failure.getMessage());
        assertTrue(failure.errorPath().xpath().endsWith("/tws:key-id[tws:id='" + eightyTwoOctets + "']"),
            failure.errorPath().xpath());
    }

    @Test
    void eightyAsciiOctetsAreAccepted() throws Exception {
        final var id = "k".repeat(80);
        assertEquals(Set.of(id), MAPPER.map(root(SERVED, server(chain("c", key(id, "s"))))).keys().keySet());
    }

    @Test
    void aKeyIdWithoutSecretIsRefusedAtTheMissingLeaf() {
        final var failure = assertThrows(ConfigMappingException.class, () -> MAPPER.map(root(SERVED,
            server("<authentication-key-chain><name>c</name><key-id><id>k</id></key-id>"
                + "</authentication-key-chain>"))));
        assertEquals("missing-element", failure.errorTag());
        assertEquals("/tws:twamp/tws:server/tws:authentication-key-chain[tws:name='c']/tws:key-id[tws:id='k']"
            + "/tws:secret", failure.errorPath().xpath());
    }

    @Test
    void clientListsAreFlattenedWithTheirRoutingInstances() throws Exception {
        final var config = MAPPER.map(root(SERVED, server(
            "<client-list><name>one</name>"
                + "<address><prefix>10.0.0.0/8</prefix><routing-instance>red</routing-instance>"
                + "<routing-instance>blue</routing-instance></address>"
                + "<address><prefix>2001:db8::1/128</prefix></address></client-list>"
                + "<client-list><name>two</name><address><prefix>192.0.2.7/32</prefix></address></client-list>")));
        assertEquals(List.of(new ClientPrefix(address("10.0.0.0"), 8, Set.of("red", "blue")),
            ClientPrefix.of(address("192.0.2.7"), 32), ClientPrefix.of(address("2001:db8::1"), 128)),
            config.clientList());
        final var red = config.clientList().getFirst();
        assertTrue(red.matches(address("10.1.2.3"), "red"));
        assertTrue(!red.matches(address("10.1.2.3"), "default"), "the entry is limited to its instances");
    }

    @Test
    void anIpv4MappedPrefixBecomesTheIpv4PrefixJavaReportsClientsIn() throws Exception {
        final var config = MAPPER.map(root(SERVED, server(
            "<client-list><name>m</name><address><prefix>::ffff:10.1.0.0/112</prefix></address></client-list>")));
        assertEquals(List.of(ClientPrefix.of(address("10.1.0.0"), 16)), config.clientList());
        final var failure = assertThrows(ConfigMappingException.class, () -> MAPPER.map(root(SERVED, server(
            "<client-list><name>m</name><address><prefix>::ffff:10.1.0.0/64</prefix></address></client-list>"))));
        assertEquals("client-address-mapped", failure.errorAppTag());
        assertEquals("/tws:twamp/tws:server/tws:client-list[tws:name='m']/tws:address[tws:prefix='::ffff:10.1.0.0/64']",
            failure.errorPath().xpath());
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfListEntries() throws Exception {
        final var lists = List.of("<client-list><name>a</name><address><prefix>10.0.0.0/8</prefix></address>"
            + "</client-list>", "<client-list><name>b</name><address><prefix>192.0.2.0/24</prefix></address>"
            + "</client-list>", "<routing-instance-list><name>x</name><port>1</port></routing-instance-list>",
            "<routing-instance-list><name>y</name><port>2</port></routing-instance-list>");
        final var forward = MAPPER.map(root(SERVED, server(String.join("", lists))));
        final var backward = MAPPER.map(root(SERVED, server(String.join("", lists.reversed()))));
        assertEquals(forward, backward);
    }

    @Test
    void aModelWithoutLightHasNoLightPort() throws Exception {
        assertEquals(OptionalInt.empty(), MAPPER.map(root(SERVED, server(""))).lightPort());
        assertEquals(OptionalInt.of(10000),
            LIGHT_MAPPER.map(root(WITH_LIGHT, server("<light><port>10000</port></light>"))).lightPort());
        assertNull(MAPPER.map(root(SERVED, server(""))).listenAddress(), "the model has no listen address");
    }

    private static String chain(final String name, final String keys) {
        return "<authentication-key-chain><name>" + name + "</name>" + keys + "</authentication-key-chain>";
    }

    private static String key(final String id, final String secret) {
        return "<key-id><id>" + id + "</id><secret>" + secret + "</secret></key-id>";
    }

    private static InetAddress address(final String literal) {
        return InetAddress.ofLiteral(literal);
    }

}
