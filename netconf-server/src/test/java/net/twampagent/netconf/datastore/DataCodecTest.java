package net.twampagent.netconf.datastore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.twampagent.netconf.model.AgentModel;
import org.junit.jupiter.api.Test;
import org.opendaylight.netconf.api.xml.XmlUtil;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.model.util.SchemaInferenceStack;

class DataCodecTest {
    private static final String NS = "urn:net:twampagent:yang:twamp-server";

    @Test
    void parsesALeafWithItsOwnSchema() throws Exception {
        final var model = AgentModel.twampServer();
        final var codec = new DataCodec(model.context());
        final var element = XmlUtil.readXmlToElement("<port xmlns=\"" + NS + "\">9000</port>");
        final var stack = SchemaInferenceStack.of(model.context());
        final var twamp = QName.create(NS, "2026-11-26", "twamp");
        stack.enterDataTree(twamp);
        stack.enterDataTree(QName.create(twamp, "server"));
        stack.enterDataTree(QName.create(twamp, "port"));
        final var leaf = (LeafNode<?>) codec.parse(element, stack.toInference());
        assertEquals(Uint16.valueOf(9000), leaf.body());
    }
}
