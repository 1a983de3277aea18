# A required property left out of a props initializer is a compile error; with it, the
# same file compiles (so the failure is the one we mean).
#   cmake -DCXX=<compiler> -DINCLUDES=<dir;dir> -DSOURCE=<file> -P check_required.cmake
set(flags -std=c++20 -fsyntax-only)
foreach(dir ${INCLUDES})
  list(APPEND flags -I${dir})
endforeach()
execute_process(COMMAND ${CXX} ${flags} -DREQUIRED_SET ${SOURCE} RESULT_VARIABLE good ERROR_VARIABLE good_errors)
if(NOT good EQUAL 0)
  message(FATAL_ERROR "the control (required property set) does not compile:\n${good_errors}")
endif()
execute_process(COMMAND ${CXX} ${flags} ${SOURCE} RESULT_VARIABLE bad ERROR_VARIABLE bad_errors)
if(bad EQUAL 0)
  message(FATAL_ERROR "leaving out a required property compiled")
endif()
# GCC: "use of deleted function ...Required...", clang: "call to deleted constructor of
# 'Required<...>'"; and both statements failed, not only one.
string(REGEX MATCHALL "error:" error_lines "${bad_errors}")
list(LENGTH error_lines error_count)
if(NOT bad_errors MATCHES "(use of deleted function|call to deleted constructor of)[^\n]*Required" OR error_count LESS 2)
  message(FATAL_ERROR "compilation failed, but not (only) on the required property:\n${bad_errors}")
endif()
message(STATUS "a missing required property is a compile error")
