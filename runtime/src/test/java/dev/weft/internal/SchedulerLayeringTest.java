package dev.weft.internal;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler and the timer heap know tasks only as {@link AbstractTask}: their class files refer to no kind of
 * task (a coroutine, a sleep, a future, a combinator), so a new kind of task never needs a change in the loop. Read
 * from the constant pools, which name every class a class file uses, whatever the source imports.
 */
class SchedulerLayeringTest {

    @Test
    void theSchedulerAndTheTimerHeapReferToNoKindOfTask() throws Exception {
        Set<String> kinds = taskKinds();
        assertTrue(kinds.contains("dev/weft/internal/Coroutine"), "the scan found the task kinds: " + kinds);
        for (Class<?> scheduler : List.of(Loop.class, TimerHeap.class, Inbox.class)) {
            Set<String> used = classesReferredToBy(scheduler);
            used.retainAll(kinds);
            assertEquals(Set.of(), used, scheduler.getSimpleName() + " refers to kinds of task");
        }
    }

    @Test
    void theLoopDoesNotReferToThePublicEventLoop() throws Exception {
        assertFalse(classesReferredToBy(Loop.class).contains("dev/weft/EventLoop"),
                "Loop and EventLoop must not refer to each other: EventLoop wraps Loop");
    }

    /** The internal types the API may use: the seam between dev.weft and dev.weft.internal. */
    private static final Set<String> SEAM = Set.of("AbstractTask", "LoopFuture", "WaiterQueue", "DoneTask", "Loop",
            "Diagnostics", "Tasks");

    @Test
    void theApiReachesTheInternalsOnlyThroughTheSeam() throws Exception {
        Set<String> outside = new TreeSet<>();
        for (String name : runtimeClasses()) {
            if (!name.startsWith("dev/weft/") || name.substring("dev/weft/".length()).contains("/")) {
                continue;   // only the API package
            }
            Class<?> api = Class.forName(name.replace('/', '.'), false, AbstractTask.class.getClassLoader());
            for (String used : classesReferredToBy(api)) {
                if (used.startsWith("dev/weft/internal/")
                        && !SEAM.contains(used.substring("dev/weft/internal/".length()))) {
                    outside.add(api.getSimpleName() + " -> " + used);
                }
            }
        }
        assertEquals(Set.of(), outside, "dev.weft uses internal types beyond the seam " + SEAM);
    }

    /** The internal names of the runtime's classes. */
    private static List<String> runtimeClasses() throws IOException, URISyntaxException {
        Path root = Paths.get(AbstractTask.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/').replaceAll("\\.class$", ""))
                    .filter(n -> !n.equals("module-info"))
                    .forEach(names::add);
        }
        return names;
    }

    /** Every subclass of AbstractTask in the runtime's classes, as internal names. */
    private static Set<String> taskKinds() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> kinds = new TreeSet<>();
        for (String name : runtimeClasses()) {
            Class<?> c = Class.forName(name.replace('/', '.'), false, AbstractTask.class.getClassLoader());
            if (AbstractTask.class.isAssignableFrom(c) && c != AbstractTask.class) {
                kinds.add(name);
            }
        }
        return kinds;
    }

    /** The classes named by the CONSTANT_Class entries of {@code c}'s class file. */
    static Set<String> classesReferredToBy(Class<?> c) throws IOException {
        String resource = "/" + c.getName().replace('.', '/') + ".class";
        try (InputStream raw = c.getResourceAsStream(resource); DataInputStream in = new DataInputStream(raw)) {
            in.readInt();                                   // magic
            in.readUnsignedShort();                         // minor
            in.readUnsignedShort();                         // major
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1: utf8[i] = in.readUTF(); break;
                    case 7: classNameIndex[i] = in.readUnsignedShort(); break;
                    case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                    case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.readInt(); break;
                    case 5: case 6: in.readLong(); i++; break;
                    default: throw new IOException("unknown constant pool tag " + tag + " in " + resource);
                }
            }
            Set<String> names = new TreeSet<>();
            for (int i = 1; i < count; i++) {
                if (classNameIndex[i] != 0) {
                    names.add(utf8[classNameIndex[i]]);
                }
            }
            // Types in descriptors (fields, methods) are not CONSTANT_Class entries: add them from the UTF8 entries.
            for (String s : utf8) {
                if (s != null) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("L([\\w/$]+);").matcher(s);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
            return names;
        }
    }
}
