package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** A superclass with a protected field and a protected @Async method. */
public class Base {
    protected int baseValue;
    protected String log = "";

    protected Base(int baseValue) {
        this.baseValue = baseValue;
    }

    @Async
    protected Task<Integer> compute(int x) {
        await(sleep(1));
        log += "Base.compute(" + x + ");";
        return done(baseValue + x);
    }
}
