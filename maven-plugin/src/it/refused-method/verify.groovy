// The build failed in weft:weave; the failure names each refused method with its class, File.java:line and what to
// do, one per line; the good class was woven all the same and the refused one was left as javac wrote it.
def log = new File(basedir, 'build.log').text

assert log =~ /Failed to execute goal dev\.weft:weft-maven-plugin:[^:]+:weave \(default\) on project refused-method/
assert log.contains('Weft could not weave 1 class in ')
assert log.contains('[INFO] Weft: wove 1 class, 0 untouched, 1 refused')
// Maven prints each line of the failure message with its own [ERROR] prefix.
assert log.contains('[ERROR] dev.weft.it.Bad.notAsync(Bad.java:12): await(...) outside an @Async method: mark the')
assert log.contains('[ERROR] dev.weft.it.Bad.awaitsInALambda(Bad.java:17): await(...) inside a lambda implementing java.util.function.Supplier.get, which returns java.lang.Integer, not Task')

def woven = { String path -> new File(basedir, path).getText('ISO-8859-1').contains('Ldev/weft/internal/Woven;') }
assert woven('target/classes/dev/weft/it/Good.class')
assert !woven('target/classes/dev/weft/it/Bad.class')
assert !new File(basedir, 'target/classes/dev/weft/it/Bad.class.weft-tmp').exists()
