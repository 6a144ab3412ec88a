// Two hostile files among the resources, which process-resources copies into target/classes beside the compiled
// classes: both name @Async in what would be their constant pool, so the weaver cannot pass them over unread.
def dir = new File(basedir, 'src/main/resources/dev/weft/it')
dir.mkdirs()

def classFile = { int magic, boolean complete ->
    def bytes = new ByteArrayOutputStream()
    def out = new DataOutputStream(bytes)
    out.writeInt(magic)
    out.writeShort(0)           // minor version
    out.writeShort(61)          // major version: Java 17
    out.writeShort(3)           // constant pool count: two entries
    out.writeByte(1)            // Utf8
    out.writeUTF('Ldev/weft/Async;')
    if (complete) {
        out.writeByte(1)
        out.writeUTF('dev/weft/it/NotAClass')
    }
    out.flush()
    bytes.toByteArray()
}
// Cut short inside its constant pool, as a copy stopped half way leaves a file.
new File(dir, 'Truncated.class').bytes = classFile(0xCAFEBABE as int, false)
// A wrong magic number: not a class file at all.
new File(dir, 'NotAClass.class').bytes = classFile(0xCAFEBABF as int, true)
return true
