# Fails when a source that must stay torch-free reaches a LibTorch header (torch/, ATen/, c10/),
# directly or through the headers it includes. Each file is run through the preprocessor
# (-M: every header it reads, system ones included) with only the engine folder on the path.
# (-DEXTRA_INCLUDES=a;b adds the folders of the system libraries the core uses, like libpq's.)
#   cmake -DCXX=<compiler> -DENGINE_DIR=<engine> -DLIST=<file, one path a line> -P torch_free_check.cmake
cmake_minimum_required(VERSION 3.22)
file(STRINGS "${LIST}" FILES)
set(extra_flags "")
foreach(folder IN LISTS EXTRA_INCLUDES)
  list(APPEND extra_flags "-I${folder}")
endforeach()
set(offenders "")
set(count 0)
foreach(file IN LISTS FILES)
  math(EXPR count "${count} + 1")
  execute_process(
      COMMAND "${CXX}" -std=c++17 -M -x c++ -I "${ENGINE_DIR}" ${extra_flags} "${file}"
      RESULT_VARIABLE status OUTPUT_VARIABLE deps ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    string(REGEX REPLACE "\n.*" "" first_error "${errors}")
    list(APPEND offenders "${file}: does not preprocess on its own (${first_error})")
  elseif(deps MATCHES "/(torch|ATen|c10)/[^ \\\n]*")
    list(APPEND offenders "${file}: reaches ${CMAKE_MATCH_0}")
  endif()
endforeach()
if(count EQUAL 0)
  message(FATAL_ERROR "no files to check")
endif()
if(offenders)
  string(REPLACE ";" "\n  " text "${offenders}")
  message(FATAL_ERROR "torch headers where none may be:\n  ${text}")
endif()
message(STATUS "checked ${count} files: no torch header reached")
