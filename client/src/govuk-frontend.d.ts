// GOV.UK Frontend ships no type declarations: the one component the dashboard runs.
declare module 'govuk-frontend' {
  /** The service navigation's Menu button below tablet width. */
  export class ServiceNavigation {
    constructor(root: Element);
  }
}
