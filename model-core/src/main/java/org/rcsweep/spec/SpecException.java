package org.rcsweep.spec;

/**
 * A spec field holds a value outside its allowed range. The message always names the field (as a dotted path in
 * the sweep YAML), the offending value and what is allowed.
 */
public final class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String problem;

    public SpecException(String field, String problem) {
        super("field '" + field + "': " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    /** The same problem, reported under {@code prefix.field} (used when a nested spec is read from YAML). */
    public SpecException under(String prefix) {
        return new SpecException(prefix + "." + field, problem);
    }
}
