package dev.weft.weaver;

import dev.weft.weaver.validation.Targets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** @Async methods of every kind of declaration. */
class MethodKindsTest {
    private static final String T = "MethodKinds";
    private final Targets targets = new Targets();

    @AllModes
    void genericMethodsReturnTheirTypeArguments(int mode) throws Throwable {
        assertEquals("text42[a, b][1, 2]nullpear3", targets.run(T, "generics", mode));
    }

    @AllModes
    void instanceMethodsUpdatePrivateFieldsAndKeepThisAcrossAwaits(int mode) throws Throwable {
        assertEquals("alice:70 bob:35 [alice-30][bob+30] true", targets.run(T, "instanceMethods", mode));
    }

    @AllModes
    void varargsMethodWithAwaitsInsideTheVarargsArguments(int mode) throws Throwable {
        assertEquals("#0 1-2-3#3 4+5+6#3 7/8#2", targets.run(T, "varargs", mode));
    }

    @AllModes
    void staticNestedAndInnerClassMethodsUseOuterFields(int mode) throws Throwable {
        assertEquals("abab outer:1001:5:1001 renamed:1002:12:1002 1002", targets.run(T, "nestedAndInner", mode));
    }

    @AllModes
    void localClassMethodUsesCapturedVariablesAcrossAwaits(int mode) throws Throwable {
        assertEquals("c103,c206", targets.run(T, "localClass", mode, "c"));
    }

    @AllModes
    void anonymousClassMethodCallsTheInterfaceDefaultThroughSuper(int mode) throws Throwable {
        assertEquals("[anon1 X! 5 ]?2 [anon3 Y! 5 ]?4", targets.run(T, "anonymousClass", mode));
    }

    @AllModes
    void interfaceDefaultAndStaticAsyncMethods(int mode) throws Throwable {
        assertEquals("hello BOB! 5 Hello | lam AMY! 3 | hey!", targets.run(T, "interfaceMethods", mode));
    }

    @AllModes
    void enumConstantBodiesOverrideTheAsyncMethodOfTheEnum(int mode) throws Throwable {
        assertEquals("9+4=13 (PLUS); 9*4=36 (TIMES); 9-4=5 (MINUS); 3 true", targets.run("Op", "describeAll", mode));
    }

    @AllModes
    void enumConstantBodiesOverrideTheAsyncDefaultMethodOfAnInterface(int mode) throws Throwable {
        assertEquals("9+4=13 (PLUS); 9*4=36 (TIMES); 9-4=5 (MINUS); ", targets.run("EnumBodies", "describeAll", mode));
    }

    @AllModes
    void privateStaticAndPrivateInstanceAsyncMethods(int mode) throws Throwable {
        assertEquals(1060, targets.run(T, "callsPrivate", mode));
    }

    @Test
    void protectedOverrideReadsTheSuperclassFieldAndAwaitsSuper() throws Throwable {
        assertEquals("1315,1520,20,Base.compute(3);Derived.compute;Base.compute(0);Derived.compute;",
                targets.run("Derived", "run", 10, 5, 3));
    }
}
