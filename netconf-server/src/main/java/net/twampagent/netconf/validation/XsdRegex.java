package net.twampagent.netconf.validation;

import java.util.regex.Pattern;

/**
 * Turns an XML Schema regular expression (the dialect of YANG's {@code pattern} and {@code re-match()}) into a
 * Java one. XSD has no anchors, so {@code ^} and {@code $} are literal characters there; it has the name
 * classes {@code \i} and {@code \c}; and it names Unicode blocks {@code \p{IsX}} where Java says {@code \p{InX}}.
 * Anything else is written the same in both.
 */
final class XsdRegex {
    private static final String NAME_START = "_:A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D"
        + "\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
    private static final String NAME_CHAR = NAME_START + "\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040";

    private XsdRegex() {
    }

    /** Compiles an XSD expression; {@link java.util.regex.Matcher#matches()} gives XSD's implicit anchoring. */
    static Pattern compile(final String xsd) {
        return Pattern.compile(toJava(xsd));
    }

    static String toJava(final String xsd) {
        final var out = new StringBuilder(xsd.length() + 16);
        int classDepth = 0;
        for (int i = 0; i < xsd.length(); i++) {
            final char c = xsd.charAt(i);
            if (c == '\\' && i + 1 < xsd.length()) {
                final char next = xsd.charAt(++i);
                switch (next) {
                    case 'i' -> out.append(classDepth > 0 ? NAME_START : "[" + NAME_START + "]");
                    case 'c' -> out.append(classDepth > 0 ? NAME_CHAR : "[" + NAME_CHAR + "]");
                    case 'I' -> out.append("[^" + NAME_START + "]");
                    case 'C' -> out.append("[^" + NAME_CHAR + "]");
                    case 'p', 'P' -> {
                        out.append('\\').append(next);
                        if (xsd.startsWith("{Is", i + 1)) {
                            out.append("{In");
                            i += 3;
                        }
                    }
                    default -> out.append('\\').append(next);
                }
            } else if (c == '[') {
                classDepth++;
                out.append(c);
            } else if (c == ']' && classDepth > 0) {
                classDepth--;
                out.append(c);
            } else if ((c == '^' && classDepth == 0) || c == '$') {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
