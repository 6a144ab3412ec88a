package dev.weft.weaver.internal;

import java.util.BitSet;

/**
 * Which locals a suspension saves: by default only the live ones (the contract: a suspended task keeps no dead object
 * reachable); for debugging, every local the frame types, so a debugger shows its value after the await, as Kotlin's
 * debug mode does. A dead local that is not saved comes back as zero or null on resume, while the local variable
 * table may still name it.
 */
public enum LocalsKept {
    /** Only the locals that may be read after the await. */
    LIVE {
        @Override
        BitSet saved(BitSet live, int slots) {
            return live;
        }
    },
    /** Every local in the frame, live or dead (the {@code keepLocals} option). */
    ALL {
        @Override
        BitSet saved(BitSet live, int slots) {
            BitSet all = new BitSet(slots);
            all.set(0, slots);
            return all;
        }
    };

    /**
     * The local slots to save at a point where {@code live} are live, of {@code slots} local slots; slots the frame
     * does not type (TOP) or knows to be null are never saved, whatever this returns.
     */
    abstract BitSet saved(BitSet live, int slots);
}
