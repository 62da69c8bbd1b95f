// Shared shell pieces: file reading, engine setup from flags, uncaught-error text.
#include "tools/ruchyd/shell-support.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "src/builtins/builtins.h"
#include "src/objects/objects-inl.h"
#include "src/runtime/value-ops.h"

namespace ruchy::shell {

bool ReadFile(const std::string& path, std::string* contents, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "ruchyd: cannot read '" + path + "': " + std::strerror(errno) + "\n";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = "ruchyd: error reading '" + path + "'\n";
    return false;
  }
  *contents = buffer.str();
  return true;
}

internal::interpreter::InterpreterOptions InterpreterOptionsFromFlags(
    const base::FlagValues& flags) {
  internal::interpreter::InterpreterOptions options;
  options.stack_slots = static_cast<size_t>(std::max<int64_t>(flags.stack_size, 64)) * 1024 / 8;
  options.print_bytecode = flags.print_bytecode;
  options.trace_ic = flags.trace_ic;
  options.allow_natives_syntax = flags.allow_natives_syntax;
  return options;
}

Engine::Engine(const base::FlagValues& flags)
    : isolate_(internal::Isolate::New(internal::IsolateOptionsFromFlags(flags))),
      interpreter_(internal::interpreter::AttachInterpreter(isolate_.get(),
                                                            InterpreterOptionsFromFlags(flags))) {}

Engine::~Engine() {
  internal::FlushStandardStreams();
  interpreter_.reset();
}

std::string Engine::TakeUncaughtText() {
  internal::Isolate* isolate = isolate_.get();
  internal::Value exception = isolate->pending_exception();
  std::string message;
  if (isolate->pending_exception_is_error() && exception.IsString()) {
    message = internal::String::cast(exception).ToStdString();
  } else {
    message = "Uncaught exception: " + internal::ToText(exception, internal::TextForm::kDebug);
  }
  std::string text = "Error: Evaluation error: " + message + "\n";
  for (const internal::interpreter::StackFrameInfo& frame : interpreter_->pending_stack_trace()) {
    text += "    at " + frame.function_name + " (" + frame.file_name + ":" +
            std::to_string(frame.line) + ":" + std::to_string(frame.column) + ")\n";
  }
  isolate->clear_pending_exception();
  return text;
}

std::string Engine::TakeCompileErrorText(const std::string& error) {
  if (isolate_->has_pending_exception()) return TakeUncaughtText();
  if (!error.empty() && error.back() != '\n') return error + "\n";
  return error;
}

}  // namespace ruchy::shell
