package net.twampagent.yang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** libyang's yanglint, the strictest checker at hand, accepts the module with no warning. */
class YanglintModuleTest {
    @Test
    void moduleIsCleanWithoutFeatures() {
        final Yanglint.Result result = Yanglint.run(false, Yanglint.mainModule().toString());
        assertTrue(result.ok() && result.out().isEmpty() && result.err().isEmpty(), result::toString);
    }

    @Test
    void moduleIsCleanWithTheFeatureLight() {
        final Yanglint.Result result = Yanglint.run(true, Yanglint.mainModule().toString());
        assertTrue(result.ok() && result.out().isEmpty() && result.err().isEmpty(), result::toString);
    }

    @Test
    void docsTreeIsWhatYanglintPrintsNow() throws IOException {
        final Yanglint.Result result = Yanglint.run(true, "-f", "tree", Yanglint.mainModule().toString());
        assertTrue(result.ok() && result.err().isEmpty(), result::toString);
        assertEquals(result.out(), Files.readString(Docs.folder().resolve("yang-tree.txt")),
            "docs/yang-tree.txt is stale: regenerate it with "
                + "yanglint -p yang/src/main/resources/META-INF/yang -F twamp-server:light -f tree "
                + "yang/src/main/resources/META-INF/yang/" + TwampServerModel.mainResourceName()
                    .substring(TwampServerModel.RESOURCE_FOLDER.length()) + " > docs/yang-tree.txt");
    }
}
