// Both goals ran and skipped; the test proved at run time that nothing was woven.
def log = new File(basedir, 'build.log').text

assert log =~ /weft-maven-plugin:[^:]+:weave \(default\) @ skip/
assert log =~ /weft-maven-plugin:[^:]+:weave-tests \(default\) @ skip/
assert log.count('[INFO] Weft: weaving skipped (weft.skip)') == 2
assert !log.contains('Weft: wove')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
