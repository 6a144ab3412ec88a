package demo.app;

import dev.weft.Async;
import dev.weft.Task;

import java.util.List;

import static dev.weft.Weft.*;

/** A modular application: its woven methods call the runtime's dev.weft.internal across the module boundary. */
public class Main {
    @Async
    static Task<String> fetch(String name, long delayMillis) {
        await(sleep(delayMillis));
        return done(name + "@" + delayMillis);
    }

    @Async
    public static Task<String> report() {
        Task<String> late = createTask(fetch("late", 30));
        List<String> both = await(gather(fetch("a", 20), fetch("b", 10)));
        return done(String.join(",", both) + "+" + await(late));
    }

    public static void main(String[] args) {
        System.out.println("report " + run(report()));
        Module app = Main.class.getModule();
        Module runtime = Task.class.getModule();
        System.out.println("module " + app.getName() + " reads " + runtime.getName() + ": " + app.canRead(runtime));
    }
}
