# Sourced by the bench scripts: the JVM flags the engine's speed needs, from the one place that states them
# (the pom's widrow.engine.jvm.args), so a bench never measures a JVM set up unlike the server and the tests.
engine_jvm_args() {
  local args
  args=$(sed -n 's:.*<widrow.engine.jvm.args>\(.*\)</widrow.engine.jvm.args>.*:\1:p' pom.xml)
  [ -n "$args" ] || { echo "pom.xml has no widrow.engine.jvm.args" >&2; return 1; }
  echo "$args"
}
