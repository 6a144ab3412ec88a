package dev.weft.weaver.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Value;

import java.util.Objects;

/**
 * A verification type, as in JVMS 4.10.1.2: what the JVM's type checker knows of a local or stack slot.
 *
 * <p>References carry the internal name of their class, or the descriptor of their array type. An uninitialized
 * object created by {@code NEW} carries that instruction, as the JVM's {@code Uninitialized(offset)} does.
 */
final class VType implements Value {
    enum Kind { TOP, INT, FLOAT, LONG, DOUBLE, NULL, REF, UNINIT, UNINIT_THIS }

    static final VType TOP = new VType(Kind.TOP, null, null);
    static final VType INT = new VType(Kind.INT, null, null);
    static final VType FLOAT = new VType(Kind.FLOAT, null, null);
    static final VType LONG = new VType(Kind.LONG, null, null);
    static final VType DOUBLE = new VType(Kind.DOUBLE, null, null);
    static final VType NULL = new VType(Kind.NULL, null, null);
    static final VType UNINIT_THIS = new VType(Kind.UNINIT_THIS, null, null);
    static final VType OBJECT = ref("java/lang/Object");

    final Kind kind;
    /** For REF: internal name, or descriptor for arrays. */
    final String name;
    /** For UNINIT: the NEW instruction. */
    final TypeInsnNode newInsn;

    private VType(Kind kind, String name, TypeInsnNode newInsn) {
        this.kind = kind;
        this.name = name;
        this.newInsn = newInsn;
    }

    static VType ref(String internalNameOrArrayDescriptor) {
        return new VType(Kind.REF, internalNameOrArrayDescriptor, null);
    }

    static VType uninitialized(AbstractInsnNode newInsn) {
        return new VType(Kind.UNINIT, null, (TypeInsnNode) newInsn);
    }

    /** The type of a value of descriptor {@code desc}, after the JVM widens boolean, byte, char and short to int. */
    static VType ofDescriptor(String desc) {
        switch (desc.charAt(0)) {
            case 'Z': case 'B': case 'C': case 'S': case 'I':
                return INT;
            case 'F':
                return FLOAT;
            case 'J':
                return LONG;
            case 'D':
                return DOUBLE;
            case 'L':
                return ref(desc.substring(1, desc.length() - 1));
            case '[':
                return ref(desc);
            default:
                throw new IllegalArgumentException("no value of type " + desc);
        }
    }

    /** The type of a stack map frame entry (ASM's representation); {@code uninitialized} resolves NEW labels. */
    static VType ofFrameEntry(Object entry, java.util.function.Function<Object, AbstractInsnNode> newInsnOfLabel) {
        if (entry instanceof String) {
            return ref((String) entry);
        }
        if (entry instanceof Integer) {
            int tag = (Integer) entry;
            if (tag == (int) Opcodes.TOP) {
                return TOP;
            } else if (tag == (int) Opcodes.INTEGER) {
                return INT;
            } else if (tag == (int) Opcodes.FLOAT) {
                return FLOAT;
            } else if (tag == (int) Opcodes.LONG) {
                return LONG;
            } else if (tag == (int) Opcodes.DOUBLE) {
                return DOUBLE;
            } else if (tag == (int) Opcodes.NULL) {
                return NULL;
            } else if (tag == (int) Opcodes.UNINITIALIZED_THIS) {
                return UNINIT_THIS;
            }
        }
        return uninitialized(newInsnOfLabel.apply(entry));
    }

    boolean isReference() {
        return kind == Kind.REF || kind == Kind.NULL;
    }

    boolean isUninitialized() {
        return kind == Kind.UNINIT || kind == Kind.UNINIT_THIS;
    }

    /** The element type of this array type; {@code NULL} stays {@code NULL}. */
    VType elementType() {
        if (kind == Kind.NULL) {
            return NULL;
        }
        if (kind != Kind.REF || name.charAt(0) != '[') {
            return OBJECT;
        }
        return ofDescriptor(name.substring(1));
    }

    @Override
    public int getSize() {
        return kind == Kind.LONG || kind == Kind.DOUBLE ? 2 : 1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VType)) {
            return false;
        }
        VType other = (VType) o;
        return kind == other.kind && Objects.equals(name, other.name) && newInsn == other.newInsn;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Objects.hashCode(name) + System.identityHashCode(newInsn);
    }

    @Override
    public String toString() {
        switch (kind) {
            case REF: return name;
            case UNINIT: return "uninitialized " + newInsn.desc;
            default: return kind.name();
        }
    }
}
