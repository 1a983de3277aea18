# cdkpp_synth_program(<target>)
#
# Links the executable <target> against cdk::cdkpp as a synth program: a process that
# runs for a few milliseconds, so that loading and binding shared libraries is a large
# part of its time. When cdkpp was built with CDKPP_STATIC_DEPENDENCIES (libcdkpp and its
# libcrypto and yaml-cpp static), the program also links libstdc++ and libgcc statically
# (GCC and Clang, not on Apple) and then loads no shared library but libc's: newsblog
# runs half the instructions it ran linked shared.
#
# Not an interface property of cdk::cdkpp: a static C++ runtime is right only for a
# program whose C++ libraries are all static. With a shared one (a shared libcdkpp, or
# another library of the user's) the process would hold two copies of the runtime, so the
# program decides, and this function only does it when cdkpp itself brings no shared C++
# library. Sanitizer builds are tested with the shared runtime only (the asan preset
# turns CDKPP_STATIC_DEPENDENCIES off).
#
# Part of the installed package (find_package(cdkpp)) and defined by add_subdirectory too.
function(cdkpp_synth_program target)
  target_link_libraries(${target} PRIVATE cdk::cdkpp)
  get_target_property(static_dependencies cdk::cdkpp CDKPP_STATIC_DEPENDENCIES)
  if(static_dependencies AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang" AND NOT APPLE)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
endfunction()
