package dev.weft.weaver.internal;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Interpreter;

import java.util.List;

/**
 * The effect of each instruction on {@link VType}s, for stepping a frame through straight-line code. It never merges
 * (the method's stack map frames give the types at join points), so it needs no class hierarchy.
 */
final class VTypeInterpreter extends Interpreter<VType> {

    VTypeInterpreter() {
        super(Opcodes.ASM9);
    }

    @Override
    public VType newValue(Type type) {
        if (type == null) {
            return VType.TOP;
        }
        if (type.getSort() == Type.VOID) {
            return null;
        }
        return VType.ofDescriptor(type.getDescriptor());
    }

    @Override
    public VType newOperation(AbstractInsnNode insn) throws AnalyzerException {
        switch (insn.getOpcode()) {
            case Opcodes.ACONST_NULL:
                return VType.NULL;
            case Opcodes.ICONST_M1: case Opcodes.ICONST_0: case Opcodes.ICONST_1: case Opcodes.ICONST_2:
            case Opcodes.ICONST_3: case Opcodes.ICONST_4: case Opcodes.ICONST_5:
            case Opcodes.BIPUSH: case Opcodes.SIPUSH:
                return VType.INT;
            case Opcodes.LCONST_0: case Opcodes.LCONST_1:
                return VType.LONG;
            case Opcodes.FCONST_0: case Opcodes.FCONST_1: case Opcodes.FCONST_2:
                return VType.FLOAT;
            case Opcodes.DCONST_0: case Opcodes.DCONST_1:
                return VType.DOUBLE;
            case Opcodes.LDC:
                return ldcType(((LdcInsnNode) insn).cst, insn);
            case Opcodes.GETSTATIC:
                return VType.ofDescriptor(((FieldInsnNode) insn).desc);
            case Opcodes.NEW:
                return VType.uninitialized(insn);
            default:
                throw new AnalyzerException(insn, "unsupported instruction " + insn.getOpcode());
        }
    }

    private static VType ldcType(Object cst, AbstractInsnNode insn) throws AnalyzerException {
        if (cst instanceof Integer) {
            return VType.INT;
        } else if (cst instanceof Float) {
            return VType.FLOAT;
        } else if (cst instanceof Long) {
            return VType.LONG;
        } else if (cst instanceof Double) {
            return VType.DOUBLE;
        } else if (cst instanceof String) {
            return VType.ref("java/lang/String");
        } else if (cst instanceof Type) {
            int sort = ((Type) cst).getSort();
            return VType.ref(sort == Type.METHOD ? "java/lang/invoke/MethodType" : "java/lang/Class");
        } else if (cst instanceof Handle) {
            return VType.ref("java/lang/invoke/MethodHandle");
        } else if (cst instanceof ConstantDynamic) {
            return VType.ofDescriptor(((ConstantDynamic) cst).getDescriptor());
        }
        throw new AnalyzerException(insn, "unknown constant " + cst);
    }

    @Override
    public VType copyOperation(AbstractInsnNode insn, VType value) {
        return value;
    }

    @Override
    public VType unaryOperation(AbstractInsnNode insn, VType value) throws AnalyzerException {
        switch (insn.getOpcode()) {
            case Opcodes.INEG: case Opcodes.IINC: case Opcodes.L2I: case Opcodes.F2I: case Opcodes.D2I:
            case Opcodes.I2B: case Opcodes.I2C: case Opcodes.I2S: case Opcodes.ARRAYLENGTH: case Opcodes.INSTANCEOF:
                return VType.INT;
            case Opcodes.FNEG: case Opcodes.I2F: case Opcodes.L2F: case Opcodes.D2F:
                return VType.FLOAT;
            case Opcodes.LNEG: case Opcodes.I2L: case Opcodes.F2L: case Opcodes.D2L:
                return VType.LONG;
            case Opcodes.DNEG: case Opcodes.I2D: case Opcodes.L2D: case Opcodes.F2D:
                return VType.DOUBLE;
            case Opcodes.GETFIELD:
                return VType.ofDescriptor(((FieldInsnNode) insn).desc);
            case Opcodes.NEWARRAY:
                return VType.ref(primitiveArrayDescriptor(((IntInsnNode) insn).operand));
            case Opcodes.ANEWARRAY: {
                String element = ((TypeInsnNode) insn).desc;
                return VType.ref(element.charAt(0) == '[' ? "[" + element : "[L" + element + ";");
            }
            case Opcodes.CHECKCAST:
                return VType.ref(((TypeInsnNode) insn).desc);
            default:
                // Branches, switches, returns, putstatic, athrow and monitors push nothing.
                return null;
        }
    }

    private static String primitiveArrayDescriptor(int type) throws AnalyzerException {
        switch (type) {
            case Opcodes.T_BOOLEAN: return "[Z";
            case Opcodes.T_CHAR: return "[C";
            case Opcodes.T_BYTE: return "[B";
            case Opcodes.T_SHORT: return "[S";
            case Opcodes.T_INT: return "[I";
            case Opcodes.T_FLOAT: return "[F";
            case Opcodes.T_DOUBLE: return "[D";
            case Opcodes.T_LONG: return "[J";
            default: throw new AnalyzerException(null, "bad newarray type " + type);
        }
    }

    @Override
    public VType binaryOperation(AbstractInsnNode insn, VType value1, VType value2) {
        switch (insn.getOpcode()) {
            case Opcodes.IALOAD: case Opcodes.BALOAD: case Opcodes.CALOAD: case Opcodes.SALOAD:
            case Opcodes.IADD: case Opcodes.ISUB: case Opcodes.IMUL: case Opcodes.IDIV: case Opcodes.IREM:
            case Opcodes.ISHL: case Opcodes.ISHR: case Opcodes.IUSHR: case Opcodes.IAND: case Opcodes.IOR:
            case Opcodes.IXOR: case Opcodes.LCMP: case Opcodes.FCMPL: case Opcodes.FCMPG: case Opcodes.DCMPL:
            case Opcodes.DCMPG:
                return VType.INT;
            case Opcodes.FALOAD: case Opcodes.FADD: case Opcodes.FSUB: case Opcodes.FMUL: case Opcodes.FDIV:
            case Opcodes.FREM:
                return VType.FLOAT;
            case Opcodes.LALOAD: case Opcodes.LADD: case Opcodes.LSUB: case Opcodes.LMUL: case Opcodes.LDIV:
            case Opcodes.LREM: case Opcodes.LSHL: case Opcodes.LSHR: case Opcodes.LUSHR: case Opcodes.LAND:
            case Opcodes.LOR: case Opcodes.LXOR:
                return VType.LONG;
            case Opcodes.DALOAD: case Opcodes.DADD: case Opcodes.DSUB: case Opcodes.DMUL: case Opcodes.DDIV:
            case Opcodes.DREM:
                return VType.DOUBLE;
            case Opcodes.AALOAD:
                return value1.elementType();
            default:
                // Conditional branches and putfield push nothing.
                return null;
        }
    }

    @Override
    public VType ternaryOperation(AbstractInsnNode insn, VType value1, VType value2, VType value3) {
        return null;
    }

    @Override
    public VType naryOperation(AbstractInsnNode insn, List<? extends VType> values) {
        if (insn.getOpcode() == Opcodes.MULTIANEWARRAY) {
            return VType.ref(((MultiANewArrayInsnNode) insn).desc);
        }
        String desc = insn.getOpcode() == Opcodes.INVOKEDYNAMIC
                ? ((InvokeDynamicInsnNode) insn).desc : ((MethodInsnNode) insn).desc;
        return newValue(Type.getReturnType(desc));
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, VType value, VType expected) {
    }

    @Override
    public VType merge(VType value1, VType value2) {
        return value1.equals(value2) ? value1 : VType.TOP;
    }
}
