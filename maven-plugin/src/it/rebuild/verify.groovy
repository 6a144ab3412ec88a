// build.log holds both builds. The first wove the classes; the second compiled nothing, found every class woven
// already, wrote nothing, and its tests passed on the classes woven by the first.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] BUILD SUCCESS$/)
assert builds.length == 3 : 'expected two successful builds'
def first = builds[0]
def second = builds[1]

assert first.contains('[INFO] Weft: wove 1 class, 1 untouched')
assert first.contains('[INFO] Weft: wove 1 test class, 0 untouched')

assert second.contains('Nothing to compile - all classes are up to date')
assert second.contains('[INFO] Weft: wove 0 classes, 2 untouched')
assert second.contains('[INFO] Weft: wove 0 test classes, 1 untouched')
assert second.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains('[ERROR]')
assert !log.contains('BUILD FAILURE')
