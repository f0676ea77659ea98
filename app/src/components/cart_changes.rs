use leptos::prelude::*;

/// Counts the changes made to the cart in place (a line updated or removed on the cart
/// page), so the header's cart count follows without a page load.
#[derive(Clone, Copy)]
struct CartChanges(RwSignal<u64>);

/// The page's counter of cart changes; the layout provides it, for header and page alike.
pub fn use_cart_changes() -> RwSignal<u64> {
    use_context::<CartChanges>()
        .map(|changes| changes.0)
        .unwrap_or_else(|| {
            let changes = RwSignal::new(0);
            provide_context(CartChanges(changes));
            changes
        })
}
