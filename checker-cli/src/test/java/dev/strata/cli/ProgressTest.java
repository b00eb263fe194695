package dev.strata.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line: rewritten in place on a terminal, whole lines only when lanes report at once, nothing elsewhere. */
class ProgressTest {

    @Test
    void a_terminal_sees_one_line_rewritten_and_cleared_at_the_end() {
        StringWriter out = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(out), "versions checked:", 3, true)) {
            p.accept(1);
            p.accept(2);
        }
        assertTrue(out.toString().startsWith("\rversions checked: 1 of 3   \rversions checked: 2 of 3   \r"), out.toString());
        assertTrue(out.toString().endsWith("\r"), "the line is blanked out and the cursor put back");
    }

    @Test
    void ci_logs_and_pipes_get_nothing() {
        StringWriter out = new StringWriter();
        try (Progress p = new Progress(new PrintWriter(out), "versions checked:", 3, false)) {
            p.accept(1);
        }
        assertEquals("", out.toString());
    }

    @Test
    void lanes_reporting_at_once_never_mix_their_lines() throws Exception {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), "versions checked:", 2000, true);
        List<Thread> lanes = new ArrayList<>();
        for (int lane = 0; lane < 2; lane++) {
            int first = lane * 1000;
            Thread t = new Thread(() -> {
                for (int i = 1; i <= 1000; i++) {
                    p.accept(first + i);
                }
            });
            lanes.add(t);
            t.start();
        }
        for (Thread t : lanes) {
            t.join();
        }
        String[] lines = out.toString().split("\r", -1);
        Matcher whole = Pattern.compile("versions checked: \\d+ of 2000   ").matcher("");
        int seen = 0;
        for (String line : lines) {
            if (!line.isEmpty()) {
                assertTrue(whole.reset(line).matches(), "a mixed line: " + line);
                seen++;
            }
        }
        assertEquals(2000, seen);
    }
}
