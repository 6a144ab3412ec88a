package dev.weft.agent;

import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentOptionsTest {

    @Test
    void noOptionsSelectEverythingQuietly() {
        AgentOptions o = AgentOptions.parse(null);
        assertFalse(o.verbose);
        assertFalse(o.keepLocals);
        assertNull(o.dump);
        assertTrue(o.selects("com/example/Foo"));
        assertTrue(AgentOptions.parse("").selects("x/Y"));
    }

    @Test
    void parsesEveryOption() {
        AgentOptions o = AgentOptions.parse("verbose,dump=/tmp/woven,include=com.example:org.acme.,exclude=com.example.gen");
        assertTrue(o.verbose);
        assertEquals(Paths.get("/tmp/woven"), o.dump);
        assertTrue(o.selects("com/example/Foo"));
        assertTrue(o.selects("org/acme/sub/Bar"));
        assertFalse(o.selects("com/example/gen/Generated"));
        assertFalse(o.selects("com/examples/Foo"), "a prefix is a whole package");
        assertFalse(o.selects("net/other/Baz"));
    }

    @Test
    void keepLocalsIsAFlag() {
        assertTrue(AgentOptions.parse("keepLocals").keepLocals);
        assertTrue(AgentOptions.parse("verbose, keepLocals=true").keepLocals);
        assertFalse(AgentOptions.parse("keepLocals=false").keepLocals);
        assertFalse(AgentOptions.parse("verbose").keepLocals);
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("verbose,debug"));
        assertTrue(unknown.getMessage().contains("'debug'"), unknown.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> AgentOptions.parse("dump="));
        assertTrue(empty.getMessage().contains("'dump' needs a value"), empty.getMessage());
    }
}
