package dev.weft.weaver.fuzz;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator is a function of the seed: what a failing soak prints is what a rerun of its seed compiles. */
class ProgramGeneratorTest {

    @Test
    void sameSeedGivesTheSameProgram() {
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(ProgramGenerator.generate(seed), ProgramGenerator.generate(seed));
        }
    }

    @Test
    void differentSeedsGiveDifferentPrograms() {
        assertNotEquals(ProgramGenerator.generate(1).source(), ProgramGenerator.generate(2).source().replace("P2", "P1"));
    }

    @Test
    void asyncMethodsAwaitAndTheirTwinsDoNot() {
        String source = ProgramGenerator.generate(3).source();
        String twin = source.substring(source.indexOf("Long m0Sync("));
        String async = source.substring(source.indexOf("Task<Long> m0("), source.indexOf("Long m0Sync("));
        assertTrue(async.contains("await("), async);
        String twinBody = twin.substring(0, twin.indexOf("\n    }\n"));
        assertTrue(!twinBody.contains("await("), twinBody);
    }
}
