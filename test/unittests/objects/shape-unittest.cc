// Tests for shapes: transitions shared between objects built the same way, field lookup,
// in-object and out-of-object fields, struct shapes from declarations.
#include "src/objects/shape.h"

#include "test/unittests/heap/heap-test-utils.h"

namespace ruchy::internal {
namespace {

class ShapeTest : public HeapTest {
 protected:
  Handle<PlainObject> NewObject() {
    return Check(factory()->NewPlainObject(factory()->plain_object_shape()));
  }
  void SetField(Handle<PlainObject> object, const char* name, Handle<Value> value) {
    ASSERT_TRUE(PlainObject::SetField(isolate(), object, Name(name), value));
  }
};

TEST_F(ShapeTest, ObjectsBuiltAlikeShareShapes) {
  HandleScope scope(isolate());
  Handle<PlainObject> a = NewObject();
  Handle<PlainObject> b = NewObject();
  EXPECT_EQ(a->shape(), b->shape());
  SetField(a, "x", Int(1));
  EXPECT_NE(a->shape(), b->shape());
  SetField(a, "y", Int(2));
  SetField(b, "x", Int(3));
  SetField(b, "y", Int(4));
  EXPECT_EQ(a->shape(), b->shape());  // same transitions, same shape
  Handle<PlainObject> c = NewObject();
  SetField(c, "y", Int(5));
  SetField(c, "x", Int(6));
  EXPECT_NE(a->shape(), c->shape());  // different order, different layout
  EXPECT_EQ(a->shape().number_of_fields(), 2);
  EXPECT_EQ(a->shape().back_pointer(), b->shape().back_pointer());
  Shape parent = Shape::cast(a->shape().back_pointer());
  EXPECT_EQ(parent.FindTransition(*Name("y")), a->shape());
  EXPECT_EQ(Shape::cast(parent.back_pointer()), *factory()->plain_object_shape());
}

TEST_F(ShapeTest, FieldsLiveInObjectThenInPropertiesStore) {
  HandleScope scope(isolate());
  Handle<PlainObject> object = NewObject();
  int inobject = object->shape().inobject_fields();
  for (int i = 0; i < inobject + 10; ++i) {
    SetField(object, ("f" + std::to_string(i)).c_str(), Int(i * 10));
  }
  EXPECT_GE(object->properties().length(), 10);
  Scavenge();
  CompactingGc();
  for (int i = 0; i < inobject + 10; ++i) {
    Handle<String> name = Name("f" + std::to_string(i));
    EXPECT_EQ(object->shape().LookupField(*name), i);
    EXPECT_EQ(Smi::ToInt(object->GetField(*name)), i * 10);
  }
  EXPECT_TRUE(object->GetField(*Name("missing")).IsTheHole());
  // Overwriting keeps the shape.
  Shape before = object->shape();
  SetField(object, "f3", Int(-1));
  EXPECT_EQ(object->shape(), before);
  EXPECT_EQ(Smi::ToInt(object->GetField(*Name("f3"))), -1);
  heap()->Verify();
}

TEST_F(ShapeTest, NonInternalizedNamesFindFields) {
  HandleScope scope(isolate());
  Handle<PlainObject> object = NewObject();
  SetField(object, "name", Int(1));
  Handle<String> probe = Str("name");
  EXPECT_FALSE(probe->IsInternalized());
  EXPECT_EQ(object->shape().LookupField(*probe), 0);
  ASSERT_TRUE(PlainObject::SetField(isolate(), object, probe, Int(2)));
  EXPECT_EQ(Smi::ToInt(object->GetField(*Name("name"))), 2);
}

TEST_F(ShapeTest, TransitionTreesSurviveCompaction) {
  HandleScope scope(isolate());
  for (int i = 0; i < 200; ++i) {
    HandleScope inner(isolate());
    Handle<PlainObject> o = NewObject();
    SetField(o, ("k" + std::to_string(i % 20)).c_str(), Int(i));
  }
  CompactingGc();
  Handle<PlainObject> o = NewObject();
  SetField(o, "k7", Int(1));
  Handle<PlainObject> p = NewObject();
  SetField(p, "k7", Int(2));
  EXPECT_EQ(o->shape(), p->shape());
  heap()->Verify();
}

TEST_F(ShapeTest, StructShapeComesFromTheDeclaration) {
  HandleScope scope(isolate());
  Handle<FixedArray> names = Check(factory()->NewFixedArray(3));
  names->set(0, *Name("x"));
  names->set(1, *Name("y"));
  names->set(2, *Name("z"));
  Handle<Shape> shape = Check(factory()->NewStructShape(Name("Point"), names));
  EXPECT_TRUE(shape->is_struct_shape());
  EXPECT_EQ(shape->instance_type(), InstanceType::kStructObject);
  EXPECT_EQ(shape->instance_size(), StructObject::SizeFor(3));
  EXPECT_EQ(String::cast(shape->type_name()).ToStdString(), "Point");
  EXPECT_EQ(shape->LookupField(*Name("y")), 1);
  EXPECT_EQ(shape->LookupField(*Name("w")), -1);
  EXPECT_FALSE(Heap::InYoungGeneration(*shape));
  Handle<StructObject> p = Check(factory()->NewStructObject(shape));
  Handle<StructObject> q = Check(factory()->NewStructObject(shape));
  EXPECT_EQ(p->shape(), q->shape());
  EXPECT_EQ(p->field_count(), 3);
  p->set_field(1, *Float(2.5));
  CompactingGc();
  EXPECT_EQ(HeapNumber::cast(p->field(1)).value(), 2.5);
  EXPECT_TRUE(p->field(0).IsNil());
}

}  // namespace
}  // namespace ruchy::internal
