# run_sample(<binary> <work dir> <out var>): runs a sample with CDK_OUTDIR set to a fresh
# folder inside <work dir>, as the cdk CLI runs an app, and returns that folder.
function(run_sample binary work_dir out_var)
  file(REMOVE_RECURSE ${work_dir})
  file(MAKE_DIRECTORY ${work_dir})
  set(outdir ${work_dir}/cdk.out)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env CDK_OUTDIR=${outdir} ${binary}
                  RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${binary} failed (${status})")
  endif()
  set(${out_var} ${outdir} PARENT_SCOPE)
endfunction()
