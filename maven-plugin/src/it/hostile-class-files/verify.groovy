// The build failed in weft:weave with one line per hostile file, each naming the file by its path and saying what is
// wrong, with no exception of the weaver's; the good class was woven all the same; the hostile files were left as
// they were and no temporary file is left.
def log = new File(basedir, 'build.log').text
def classes = new File(basedir, 'target/classes')
def path = { String name -> new File(classes, 'dev/weft/it/' + name).path }

assert log =~ /Failed to execute goal dev\.weft:weft-maven-plugin:[^:]+:weave \(default\) on project hostile-class-files/
assert log.contains('[INFO] Weft: wove 1 class, 0 untouched, 2 refused')
assert log.contains('Weft could not weave 2 classes in ')
assert log.contains('[ERROR] ' + path('NotAClass.class') + ': cannot read the class file: not a class file (magic '
        + 'CAFEBABF, a class file starts with CAFEBABE); the file is left as it is')
assert log.contains('[ERROR] ' + path('Truncated.class') + ': cannot read the class file: truncated class file (')
assert !log.contains('NullPointerException')
assert !log.contains('ArrayIndexOutOfBoundsException')

def text = { String name -> new File(classes, 'dev/weft/it/' + name).getText('ISO-8859-1') }
assert text('Good.class').contains('Ldev/weft/internal/Woven;')
assert new File(classes, 'dev/weft/it/NotAClass.class').bytes ==
        new File(basedir, 'src/main/resources/dev/weft/it/NotAClass.class').bytes
assert new File(classes, 'dev/weft/it/Truncated.class').bytes ==
        new File(basedir, 'src/main/resources/dev/weft/it/Truncated.class').bytes
def leftOver = []
classes.eachFileRecurse { if (it.name.endsWith('.weft-tmp')) leftOver << it }
assert leftOver.isEmpty()
