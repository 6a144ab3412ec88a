package dev.weft.weaver.internal;

import org.objectweb.asm.Attribute;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;

import java.util.List;
import java.util.Set;

/**
 * Rejects a class file with an attribute of the class-file format in a place the format does not give it, such as a
 * {@code Signature} inside a {@code Code} attribute, which is what a damaged attribute name index makes.
 *
 * <p>The JVM ignores an attribute it does not expect where it finds it, so such a class loads. ASM does not: it reads
 * each attribute it does not parse where it stands as an opaque {@link Attribute}, and writes a code attribute of that
 * kind back at the level of the method, where the JVM does parse it and rejects the woven class
 * ({@code ClassFormatError: Invalid Signature attribute length}). ASM parses every attribute of the format where it
 * belongs, so an opaque one with a name of the format is always misplaced; attributes of other names (a compiler's
 * own) are left to ASM.
 */
final class MisplacedAttributes {
    /** The attributes of the class-file format (JVMS 4.7) that ASM parses where they belong. */
    private static final Set<String> OF_THE_FORMAT = Set.of("ConstantValue", "Code", "StackMapTable", "Exceptions",
            "InnerClasses", "EnclosingMethod", "Synthetic", "Signature", "SourceFile", "SourceDebugExtension",
            "LineNumberTable", "LocalVariableTable", "LocalVariableTypeTable", "Deprecated",
            "RuntimeVisibleAnnotations", "RuntimeInvisibleAnnotations", "RuntimeVisibleParameterAnnotations",
            "RuntimeInvisibleParameterAnnotations", "RuntimeVisibleTypeAnnotations", "RuntimeInvisibleTypeAnnotations",
            "AnnotationDefault", "BootstrapMethods", "MethodParameters", "Module", "ModulePackages",
            "ModuleMainClass", "NestHost", "NestMembers", "Record", "PermittedSubclasses");

    private MisplacedAttributes() {
    }

    /** @throws IllegalArgumentException naming the first misplaced attribute of {@code node} and where it is */
    static void check(ClassNode node) {
        check(node.attrs, "the class");
        for (FieldNode field : node.fields) {
            check(field.attrs, "field " + field.name);
        }
        for (MethodNode method : node.methods) {
            check(method.attrs, "method " + method.name + method.desc);
        }
        if (node.recordComponents != null) {
            for (RecordComponentNode component : node.recordComponents) {
                check(component.attrs, "record component " + component.name);
            }
        }
    }

    private static void check(List<Attribute> attributes, String where) {
        if (attributes == null) {
            return;
        }
        for (Attribute attribute : attributes) {
            if (OF_THE_FORMAT.contains(attribute.type)) {
                throw new IllegalArgumentException("damaged class file: a " + attribute.type + " attribute in "
                        + where + " where the class-file format has none");
            }
        }
    }
}
