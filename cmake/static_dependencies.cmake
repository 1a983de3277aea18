# The compiled libraries libcdkpp links privately, in CDKPP_COMPILED_DEPENDENCIES: yaml-cpp
# and libcrypto as their packages give them (shared), or with CDKPP_STATIC_DEPENDENCIES
# their static archives, named by path. By path rather than through yaml-cpp and
# OpenSSL::Crypto switched to their archives: the installed package has to name the same
# libraries again, and the targets' names belong to the user's project too, whose own
# find_package(OpenSSL) must not start giving it a static libcrypto.
#
# The choice is kept on the target, exported with it, for cdkpp_synth_program().
set_target_properties(cdkpp PROPERTIES
  CDKPP_STATIC_DEPENDENCIES "${CDKPP_STATIC_DEPENDENCIES}" EXPORT_PROPERTIES CDKPP_STATIC_DEPENDENCIES)
if(NOT CDKPP_STATIC_DEPENDENCIES)
  set(CDKPP_COMPILED_DEPENDENCIES yaml-cpp OpenSSL::Crypto)
  return()
endif()

if(BUILD_SHARED_LIBS)
  message(FATAL_ERROR "cdkpp: CDKPP_STATIC_DEPENDENCIES needs a static libcdkpp (BUILD_SHARED_LIBS is ON): "
    "a shared libcdkpp would carry a private copy of libcrypto and yaml-cpp. Turn one of them OFF.")
endif()
find_library(CDKPP_LIBYAML_CPP_ARCHIVE NAMES libyaml-cpp.a DOC "yaml-cpp's static archive (CDKPP_STATIC_DEPENDENCIES)")
find_library(CDKPP_LIBCRYPTO_ARCHIVE NAMES libcrypto.a DOC "OpenSSL libcrypto's static archive (CDKPP_STATIC_DEPENDENCIES)")
foreach(archive CDKPP_LIBYAML_CPP_ARCHIVE CDKPP_LIBCRYPTO_ARCHIVE)
  if(NOT ${archive})
    message(FATAL_ERROR "cdkpp: CDKPP_STATIC_DEPENDENCIES needs libyaml-cpp.a and libcrypto.a (Debian: "
      "libyaml-cpp-dev, libssl-dev; scripts/install-deps.sh installs them) and ${archive} was not found. "
      "Give its path with -D${archive}=<path>, or configure with -DCDKPP_STATIC_DEPENDENCIES=OFF.")
  endif()
endforeach()
# Their headers still come from the packages found before.
target_include_directories(cdkpp SYSTEM PRIVATE
  $<TARGET_PROPERTY:yaml-cpp,INTERFACE_INCLUDE_DIRECTORIES> ${OPENSSL_INCLUDE_DIR})
# libcrypto can load provider modules: its archive needs the dynamic loader's library
# where that is not part of libc.
set(CDKPP_COMPILED_DEPENDENCIES ${CDKPP_LIBYAML_CPP_ARCHIVE} ${CDKPP_LIBCRYPTO_ARCHIVE} ${CMAKE_DL_LIBS})
