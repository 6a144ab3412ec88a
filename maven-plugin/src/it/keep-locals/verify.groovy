// The property reached the goal (it says so) and the woven code kept the dead local (InspectedTest passed).
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Weft: keeping every local at each await, for debugging (weft.keepLocals)')
assert log.contains('[INFO] Weft: wove 1 class, 0 untouched')
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/
