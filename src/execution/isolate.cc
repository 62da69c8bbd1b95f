// Isolate setup and the isolate-owned roots.
#include "src/execution/isolate.h"

#include "src/heap/visitors.h"
#include "src/objects/builtin-enums.h"
#include "src/objects/objects-inl.h"

namespace ruchy::internal {

bool SetUpReadOnlyRoots(Isolate* isolate);

IsolateOptions IsolateOptionsFromFlags(const base::FlagValues& flags) {
  IsolateOptions options;
  options.heap = HeapOptionsFromFlags(flags);
  return options;
}

std::unique_ptr<Isolate> Isolate::New(const IsolateOptions& options) {
  std::unique_ptr<Isolate> isolate = TryNew(options);
  CHECK(isolate != nullptr);
  return isolate;
}

std::unique_ptr<Isolate> Isolate::TryNew(const IsolateOptions& options) {
  std::unique_ptr<Isolate> isolate(new Isolate(options));
  if (!isolate->Init()) return nullptr;
  return isolate;
}

Isolate::Isolate(const IsolateOptions& options)
    : options_(options), heap_(std::make_unique<Heap>(this, options.heap)), factory_(this) {}

Isolate::~Isolate() {
  // Spaces go before the tables that point into them; nothing is visited during teardown.
  heap_.reset();
}

bool Isolate::Init() {
  if (!heap_->SetUp()) return false;
  HandleScope scope(this);
  if (!SetUpReadOnlyRoots(this)) return false;
  Handle<Shape> plain_object_shape;
  if (!factory_.NewPlainObjectShape(factory_.nil_value(), 4).ToHandle(&plain_object_shape)) {
    return false;
  }
  roots_[RootIndex::kPlainObjectShape] = plain_object_shape->ptr();
  roots_[RootIndex::kTypeRegistry] = nil_value().ptr();
  if (!SetUpBuiltinEnums(this)) return false;
  heap_->FinishSetUp();
  return true;
}

void Isolate::ReportOutOfMemory() {
  ++out_of_memory_count_;
  set_pending_exception(out_of_memory_string());
  pending_is_error_ = true;
}

bool Isolate::ThrowError(std::string_view message) {
  Handle<String> text;
  if (!factory()->NewStringFromUtf8(message).ToHandle(&text)) return false;  // OOM pending
  set_pending_exception(*text);
  pending_is_error_ = true;
  return false;
}

bool Isolate::IsOutOfMemoryPending() const {
  return has_pending_exception() && pending_exception() == out_of_memory_string();
}

void Isolate::IterateRoots(RootVisitor* visitor) {
  visitor->VisitRootPointers("roots table", ObjectSlot(roots_.mutable_roots_begin()),
                             ObjectSlot(roots_.mutable_roots_end()));
  handle_scope_data_.Iterate(visitor);
  global_handles_.Iterate(visitor);
  if (has_pending_exception()) {
    visitor->VisitRootPointer("pending exception", ObjectSlot(&pending_exception_));
  }
}

}  // namespace ruchy::internal
