/*
| The identity module's routes, one file per area.
*/
import '#identity/routes/auth_routes'
import '#identity/routes/admin_routes'
