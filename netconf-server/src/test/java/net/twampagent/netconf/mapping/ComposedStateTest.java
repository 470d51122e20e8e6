package net.twampagent.netconf.mapping;

import static net.twampagent.netconf.mapping.MappingFixtures.SERVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import net.twampagent.netconf.datastore.StateComposer;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The mapped state goes through the agent's own {@code <get>} composition, which drops state that does not fit
 * the model with only a log line: here it must arrive whole, next to the configuration.
 */
class ComposedStateTest {
    private final StateMapper mapper = new StateMapper();

    @Test
    void aBusyServersStateIsComposedWithRunningUnchanged() throws Exception {
        final var running = MappingFixtures.root(SERVED,
            Files.readString(MappingFixtures.docs().resolve("examples").resolve("junos-full.xml")));
        final var state = mapper.map(Snapshots.busy(40, 100));
        final var composed = new StateComposer(SERVED, List.of(() -> Map.of(StateMapper.PATH, state)))
            .compose(running);
        final var twamp = assertInstanceOf(ContainerNode.class, composed.childByArg(TwampNames.id(TwampNames.TWAMP)));
        assertEquals(state, twamp.childByArg(TwampNames.id(TwampNames.SERVER_STATE)));
        assertEquals(((ContainerNode) running.childByArg(TwampNames.id(TwampNames.TWAMP)))
            .childByArg(TwampNames.id(TwampNames.SERVER)), twamp.childByArg(TwampNames.id(TwampNames.SERVER)));
    }

    @Test
    void aDisabledServersStateIsComposedIntoAnEmptyRunning() {
        final var state = mapper.disabled();
        final var composed = new StateComposer(SERVED, List.of(() -> Map.of(StateMapper.PATH, state)))
            .compose(MappingFixtures.emptyRoot());
        final var twamp = assertInstanceOf(ContainerNode.class, composed.childByArg(TwampNames.id(TwampNames.TWAMP)));
        assertNotNull(twamp.childByArg(TwampNames.id(TwampNames.SERVER_STATE)), "state without configuration");
        assertEquals(state, twamp.childByArg(TwampNames.id(TwampNames.SERVER_STATE)));
    }
}
