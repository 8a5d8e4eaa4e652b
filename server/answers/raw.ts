/** A body that is not JSON (an HTML page, a TopoJSON document already serialised), sent as it is. */
export class Raw {
  constructor(
    readonly contentType: string,
    readonly body: string,
  ) {}
}
