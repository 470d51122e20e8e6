/**
 * Validation of a whole configuration tree against everything its YANG model says beyond types: {@code when},
 * {@code must}, leafrefs with require-instance, mandatory nodes and choices, min/max-elements and unique.
 *
 * <p>The rules are read from the model and evaluated generically; nothing here knows the TWAMP model. A
 * {@code must}/{@code when} expression is translated from yangtools' XPath syntax tree into XPath 1.0 and run by
 * jaxen over a DOM copy of the tree into which defaults have been inserted, because the
 * expressions must see default values exactly as yanglint (the oracle of the tests) does.
 */
package net.twampagent.netconf.validation;
