// The sub-commands of the cdkpp tool, one file each (<name>_command.cpp).
#pragma once

#include "command.hpp"

namespace cdk::cli {

Command ls_command();
Command validate_command();
Command migrate_command();
Command diagram_command();
Command diff_command();

}  // namespace cdk::cli
