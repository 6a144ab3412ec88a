// The build passed (invoker checks that); here: both goals wove, the tests ran (MainTest asserts from inside that
// they ran in named modules), and the packaged modular jar runs with java --module on the module path, the runtime's
// jar beside it.
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Weft: wove 1 class, 1 untouched')
assert log.contains('[INFO] Weft: wove 1 test class, 0 untouched')
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')

def woven = { String path -> new File(basedir, path).getText('ISO-8859-1').contains('Ldev/weft/internal/Woven;') }
assert woven('target/classes/demo/app/Main.class')
assert !woven('target/classes/module-info.class')

def version = (new File(basedir, 'pom.xml').text =~ /<artifactId>weft-runtime<\/artifactId>\s*<version>([^<]+)</)[0][1]
def runtimeJar = new File(localRepositoryPath, "dev/weft/weft-runtime/${version}/weft-runtime-${version}.jar")
def appJar = new File(basedir, 'target/modular-app-1.0.jar')
assert runtimeJar.isFile() : runtimeJar
assert appJar.isFile() : appJar

def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = [java, '--module-path', appJar.path + File.pathSeparator + runtimeJar.path,
               '--module', 'demo.app/demo.app.Main'].execute()
def out = new StringBuilder()
def err = new StringBuilder()
process.waitForProcessOutput(out, err)
println "java --module demo.app/demo.app.Main: exit ${process.exitValue()}\n${out}${err}"
assert process.exitValue() == 0
assert out.toString().readLines() == ['report a@20,b@10+late@30', 'module demo.app reads dev.weft.runtime: true']
