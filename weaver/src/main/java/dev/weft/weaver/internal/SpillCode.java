package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

import static dev.weft.weaver.internal.WeaverSupport.COROUTINE;

/**
 * Emits the instructions that move one value between the JVM frame and a coroutine's spill slots. Each method states
 * the operand stack it expects and leaves, with {@code co} for the coroutine.
 */
final class SpillCode {
    private SpillCode() {
    }

    static AbstractInsnNode pushInt(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }

    /** [.., co, value] -> [..]: stores the value of {@code type} in spill slot {@code slot}. */
    static void spillTop(InsnList out, VType type, int slot) {
        out.add(pushInt(slot));                                                       // [.., co, value, slot]
        out.add(call(spillName(type), "(" + spillDesc(type) + "I)V"));                // [..]
    }

    /** [.., value] -> [..]: the value on top of the stack, saved through coroutine local {@code co}. */
    static void spillStackTop(InsnList out, int co, VType type, int slot) {
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                  // [.., value, co]
        if (type.getSize() == 2) {
            out.add(new InsnNode(Opcodes.DUP_X2));                                    // [.., co, value, co]
            out.add(new InsnNode(Opcodes.POP));                                       // [.., co, value]
        } else {
            out.add(new InsnNode(Opcodes.SWAP));                                      // [.., co, value]
        }
        spillTop(out, type, slot);                                                    // [..]
    }

    /** [..] -> [..]: saves local {@code var}. */
    static void spillLocal(InsnList out, int co, VType type, int var, int slot) {
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                  // [.., co]
        out.add(new VarInsnNode(loadOpcode(type), var));                              // [.., co, value]
        spillTop(out, type, slot);                                                    // [..]
    }

    /** [..] -> [.., value]: reloads a saved value, cast back to its verification type. */
    static void restore(InsnList out, int co, VType type, int slot) {
        out.add(new VarInsnNode(Opcodes.ALOAD, co));                                  // [.., co]
        out.add(pushInt(slot));                                                       // [.., co, slot]
        out.add(call(restoreName(type), "(I)" + spillDesc(type)));                    // [.., value]
        if (type.kind == VType.Kind.REF && !"java/lang/Object".equals(type.name)) {
            out.add(new TypeInsnNode(Opcodes.CHECKCAST, type.name));                  // [.., (T) value]
        }
    }

    /** [..] -> [.., zero]: the zero or null of {@code type}, for a slot that is typed but dead. */
    static void pushZero(InsnList out, VType type) {
        switch (type.kind) {
            case INT: out.add(new InsnNode(Opcodes.ICONST_0)); break;
            case FLOAT: out.add(new InsnNode(Opcodes.FCONST_0)); break;
            case LONG: out.add(new InsnNode(Opcodes.LCONST_0)); break;
            case DOUBLE: out.add(new InsnNode(Opcodes.DCONST_0)); break;
            default: out.add(new InsnNode(Opcodes.ACONST_NULL));
        }
    }

    static int loadOpcode(VType type) {
        switch (type.kind) {
            case INT: return Opcodes.ILOAD;
            case FLOAT: return Opcodes.FLOAD;
            case LONG: return Opcodes.LLOAD;
            case DOUBLE: return Opcodes.DLOAD;
            default: return Opcodes.ALOAD;
        }
    }

    static int storeOpcode(VType type) {
        return loadOpcode(type) + (Opcodes.ISTORE - Opcodes.ILOAD);
    }

    private static MethodInsnNode call(String name, String desc) {
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, COROUTINE, name, desc, false);
    }

    private static String spillDesc(VType type) {
        switch (type.kind) {
            case INT: return "I";
            case FLOAT: return "F";
            case LONG: return "J";
            case DOUBLE: return "D";
            default: return "Ljava/lang/Object;";
        }
    }

    private static String spillName(VType type) {
        switch (type.kind) {
            case INT: return WeaverSupport.SPILL_INT;
            case FLOAT: return WeaverSupport.SPILL_FLOAT;
            case LONG: return WeaverSupport.SPILL_LONG;
            case DOUBLE: return WeaverSupport.SPILL_DOUBLE;
            default: return WeaverSupport.SPILL_REF;
        }
    }

    private static String restoreName(VType type) {
        switch (type.kind) {
            case INT: return WeaverSupport.RESTORE_INT;
            case FLOAT: return WeaverSupport.RESTORE_FLOAT;
            case LONG: return WeaverSupport.RESTORE_LONG;
            case DOUBLE: return WeaverSupport.RESTORE_DOUBLE;
            default: return WeaverSupport.RESTORE_REF;
        }
    }
}
