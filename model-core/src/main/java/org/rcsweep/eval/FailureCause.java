package org.rcsweep.eval;

/** The one-line cause of a failed point for its rows' {@code message}: the exception and, if other, its root cause. */
public final class FailureCause {
    private FailureCause() {
    }

    /** "Outer: message; root cause: Root: message", or just "Outer: message" when it has no cause. */
    public static String describe(Throwable e) {
        Throwable root = root(e);
        String outer = line(e);
        return root == e ? outer : outer + "; root cause: " + line(root);
    }

    /** The innermost cause of {@code e} (e itself when it has none). */
    public static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String line(Throwable t) {
        String m = t.getMessage();
        String text = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        int nl = text.indexOf('\n');
        return nl > 0 ? text.substring(0, nl) : text;
    }
}
