# Every case of the catalogue program is registered as a test, and nothing else is.
execute_process(COMMAND ${PROGRAM} --list OUTPUT_VARIABLE listed RESULT_VARIABLE rc)
file(READ ${REGISTERED} registered)
if(NOT rc EQUAL 0 OR NOT listed STREQUAL registered)
  message(FATAL_ERROR "catalogue --list and the tests registered in CMakeLists.txt differ:\n${listed}\nvs\n${registered}")
endif()
