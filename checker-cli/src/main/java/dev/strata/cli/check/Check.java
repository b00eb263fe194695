package dev.strata.cli.check;

import java.util.List;

/**
 * One named check of {@code strata check}. It returns every finding and keeps going, so one bad
 * revision never hides the next; it throws only for unusable input ({@code InvalidInputException}).
 *
 * <pre>List&lt;Finding&gt; findings = new ReversibilityCheck().run(context);</pre>
 */
public interface Check {

    /** The stable name used in every output format and by {@code --skip}: {@code "reversibility"}. */
    String name();

    List<Finding> run(CheckContext context);
}
