package net.twampagent.netconf.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** XSD expressions, as re-match() takes them, mean in Java what they mean in XSD. */
final class XsdRegexTest {
    private static boolean matches(final String xsd, final String value) {
        return XsdRegex.compile(xsd).matcher(value).matches();
    }

    @Test
    void anchorsAreLiteralCharacters() {
        assertTrue(matches("US$[0-9]+", "US$120"));
        assertFalse(matches("US$[0-9]+", "US120"));
        assertTrue(matches("^a", "^a"));
        assertTrue(matches("[^a]b", "cb"));
        assertFalse(matches("[^a]b", "ab"));
    }

    @Test
    void nameClassesFollowXml() {
        assertTrue(matches("\\i\\c*", "_a1.b-c"));
        assertFalse(matches("\\i\\c*", "1abc"));
        assertTrue(matches("[\\i]+", "ab:c"));
        assertTrue(matches("\\I", "1"));
        assertFalse(matches("\\C", "a"));
    }

    @Test
    void unicodeBlocksUseXsdNames() {
        assertTrue(matches("\\p{IsBasicLatin}+", "abc"));
        assertFalse(matches("\\p{IsBasicLatin}+", "é"));
        assertTrue(matches("\\P{IsBasicLatin}", "é"));
        assertTrue(matches("\\p{L}+", "é"));
    }

    @Test
    void escapesPassThrough() {
        assertTrue(matches("a\\.b\\d", "a.b7"));
        assertFalse(matches("a\\.b", "axb"));
    }
}
