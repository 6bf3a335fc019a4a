import { fuzzWriteRoutes } from './support/fuzz-write-routes';

// One of two shards of the write-route fuzzer, so that Jest can run them on two cores at once.
fuzzWriteRoutes(1, 2);
