// The build passed (invoker checks that); here: both goals ran, verbose named each woven class, the tests ran, and
// the class files carry the weaver's mark, except the excluded one.
def log = new File(basedir, 'build.log').text

assert log =~ /weft-maven-plugin:[^:]+:weave \(default\) @ weave-and-test/
assert log =~ /weft-maven-plugin:[^:]+:weave-tests \(default\) @ weave-and-test/
assert log.contains('[INFO] Weft: wove dev.weft.it.Greeter')
assert log.contains('[INFO] Weft: wove 1 class, 0 untouched')
assert log.contains('[INFO] Weft: wove dev.weft.it.GreeterTest')
assert log.contains('[INFO] Weft: wove 1 test class, 0 untouched')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')

def woven = { String path -> new File(basedir, path).getText('ISO-8859-1').contains('Ldev/weft/internal/Woven;') }
assert woven('target/classes/dev/weft/it/Greeter.class')
assert woven('target/test-classes/dev/weft/it/GreeterTest.class')
assert !woven('target/classes/dev/weft/it/excluded/LeftAlone.class')
