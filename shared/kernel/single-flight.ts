/**
 * Concurrent calls for one key share the call already in flight, until it settles: sixteen writers
 * arriving at once in a subscription this process does not know yet cost one read, not sixteen.
 * Holds only what is in flight.
 */
export class SingleFlight<K, V> {
  private readonly flights = new Map<K, Promise<V>>();

  run(key: K, work: () => Promise<V>): Promise<V> {
    const current = this.flights.get(key);
    if (current) return current;
    const flight = work().finally(() => this.flights.delete(key));
    this.flights.set(key, flight);
    return flight;
  }
}
