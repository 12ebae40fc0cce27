package org.rcsweep.jobs.sql;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import scala.jdk.javaapi.CollectionConverters;

import java.util.regex.Pattern;

/**
 * Admits only statements that read: queries (SELECT, WITH, VALUES, TABLE, FROM …) and SHOW, DESCRIBE and EXPLAIN.
 * The statement is parsed by Spark's own parser and every node of the plan is checked, so that a write hidden in a CTE
 * or behind a comment is refused as well; {@code rcsweep sql} writes nothing except through {@code --to}.
 */
public final class ReadOnlySql {
    private static final Pattern WRITES = Pattern.compile(
            "Insert|Create|Drop|Alter|Write|Append|Overwrite|Merge|Update|Delete|Truncate|Load|Cache|Refresh"
                    + "|Analyze|Repair|Rename|Comment|Grant|Revoke|Msck|AddJar|AddFile|AddArchive|SetCommand"
                    + "|SetCatalog|SetNamespace|^Use|Reset");
    private static final Pattern READ_COMMANDS = Pattern.compile("^(Show|Describe|Explain).*");
    /** Calls of the functions that run arbitrary Java methods (also dropped from the session's registry). */
    private static final Pattern JAVA_CALLS = Pattern.compile("(?i)\\b(reflect|java_method|try_reflect)\\s*\\(");

    private ReadOnlySql() {
    }

    /**
     * Throws {@link IllegalArgumentException} naming the statement kind unless the statement only reads. A statement
     * Spark cannot parse passes here, so that Spark reports its own syntax error.
     */
    public static void check(SparkSession spark, String sql) {
        if (JAVA_CALLS.matcher(sql).find()) {
            throw new IllegalArgumentException("the functions reflect, java_method and try_reflect are not available "
                    + "in rcsweep sql: they call arbitrary Java code");
        }
        LogicalPlan plan;
        try {
            plan = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            return;
        }
        String refused = refusedNode(plan);
        if (refused != null) {
            throw new IllegalArgumentException("only queries are allowed (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN); this "
                    + "statement writes or changes the session (" + refused + "). Results directories are written by "
                    + "'rcsweep sweep' and 'rcsweep fit' only; to save a query's result use --format csv|json|parquet "
                    + "--to FILE");
        }
    }

    /** The simple class name of the first node that writes or changes the session, or null. */
    static String refusedNode(LogicalPlan node) {
        String name = node.getClass().getSimpleName();
        boolean readCommand = READ_COMMANDS.matcher(name).matches();
        if (readCommand) {
            return null; // SHOW, DESCRIBE and EXPLAIN run nothing of what they describe
        }
        if (node instanceof Command || WRITES.matcher(name).find()) {
            return name.replaceAll("(Statement|Command)$", "");
        }
        for (LogicalPlan child : CollectionConverters.asJava(node.children())) {
            String r = refusedNode(child);
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
