package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;

/** A subclass whose protected @Async method reads the superclass's protected field and calls super. */
public class Derived extends Base {
    private final int own;

    public Derived(int baseValue, int own) {
        super(baseValue);
        this.own = own;
    }

    @Override
    @Async
    protected Task<Integer> compute(int x) {
        int fromSuper = await(super.compute(x));
        baseValue += await(Awaitables.slow(own));
        log += "Derived.compute;";
        return done(fromSuper * 100 + baseValue);
    }

    @Async
    static Task<String> run(int base, int own, int x) {
        Derived d = new Derived(base, own);
        int r = await(d.compute(x));
        Base asBase = d;
        int again = await(asBase.compute(0));
        return done(r + "," + again + "," + d.baseValue + "," + d.log);
    }
}
