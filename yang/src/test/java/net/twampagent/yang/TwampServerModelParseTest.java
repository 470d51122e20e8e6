package net.twampagent.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.model.api.Module;

class TwampServerModelParseTest {
    @Test
    void yangtoolsBuildsTheModelFromTheResources() {
        final Module module = ModelContexts.context()
            .findModule(QNameModule.of(XMLNamespace.of(TwampServerModel.NAMESPACE),
                Revision.of(TwampServerModel.REVISION)))
            .orElseThrow();
        assertEquals(TwampServerModel.MODULE_NAME, module.getName());
        assertEquals(TwampServerModel.PREFIX, module.getPrefix());
        assertEquals(List.of("ietf-inet-types", "ietf-netconf-acm", "ietf-yang-types", "twamp-server"),
            ModelContexts.context().getModules().stream().map(Module::getName).sorted().toList());
    }

    @Test
    void everyResourceIsNamedAfterTheModuleAndRevisionItHolds() {
        final List<String> expected = ModelContexts.context().getModules().stream()
            .map(m -> TwampServerModel.RESOURCE_FOLDER
                + m.getName() + "@" + m.getRevision().orElseThrow() + ".yang")
            .sorted().toList();
        assertEquals(expected, TwampServerModel.resourceNames().stream().sorted().toList());
        assertEquals(TwampServerModel.mainResourceName(), TwampServerModel.resourceNames().getFirst());
    }

    @Test
    void readRefusesANameOutsideTheModel() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> TwampServerModel.read("META-INF/yang/other@2020-01-01.yang"));
        assertTrue(e.getMessage().contains("not a module of the twamp-server model"), e.getMessage());
    }
}
