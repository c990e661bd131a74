using System.Runtime.CompilerServices;

// The MongoDB adapter's unit tests (command shapes on the fake server) live with the client's tests.
[assembly: InternalsVisibleTo("Pipeline.Mongo.Tests")]
