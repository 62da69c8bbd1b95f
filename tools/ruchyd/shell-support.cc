// Shared shell pieces: file reading, the session (isolate + context), uncaught-error text.
#include "tools/ruchyd/shell-support.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ruchy::shell {

bool ReadFile(const std::string& path, std::string* contents, std::string* error) {
  // stdio rather than <fstream>: iostreams initialize every locale facet on first use,
  // which costs each run a few hundred microseconds and 0.2 MB of touched library code.
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    *error = "ruchyd: cannot read '" + path + "': " + std::strerror(errno) + "\n";
    return false;
  }
  contents->clear();
  char buffer[16384];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) contents->append(buffer, n);
  bool failed = std::ferror(file) != 0;
  int read_errno = errno;
  std::fclose(file);
  if (failed) {
    *error = "ruchyd: cannot read '" + path + "': " + std::strerror(read_errno) + "\n";
    return false;
  }
  return true;
}

struct Session::Scopes {
  explicit Scopes(Isolate* isolate)
      : isolate_scope(isolate),
        handle_scope(isolate),
        context(Context::New(isolate)),
        context_scope(context) {}
  Isolate::Scope isolate_scope;
  HandleScope handle_scope;
  Local<Context> context;
  Context::Scope context_scope;
};

Session::Session() : isolate_(Isolate::New()) {
  if (isolate_ == nullptr) {
    std::fputs("ruchyd: cannot create an isolate (out of memory)\n", stderr);
    std::exit(1);
  }
  scopes_ = std::make_unique<Scopes>(isolate_);
}

Session::~Session() {
  scopes_.reset();
  isolate_->Dispose();
}

Local<Context> Session::context() const { return scopes_->context; }

std::string ErrorText(const TryCatch& try_catch) {
  const Message& message = try_catch.GetMessage();
  if (message.IsSyntaxError()) {
    std::string text = try_catch.Exception()->ToText();
    if (text.empty() || text.back() != '\n') text += '\n';
    return text;
  }
  return "Error: Evaluation error: " + message.Get() + "\n" + try_catch.StackTrace();
}

void ReportError(const std::string& text) {
  Engine::FlushStandardStreams();
  std::fputs(text.c_str(), stderr);
}

}  // namespace ruchy::shell
